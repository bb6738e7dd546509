// Package snapshot keeps what a dashboard last saw of one workspace on
// disk (the segment list and recent series), so the next start shows it at
// once, and writes files atomically.
package snapshot

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/segdash/segdash/client"
)

// snapshotVersion changes when the snapshot format does; older files are
// set aside like corrupt ones. Version 2 added the key fingerprint.
const snapshotVersion = 2

// maxSeries bounds the series a snapshot keeps (the newest).
const maxSeries = 2000

// MaxSize is the largest snapshot file Load reads: 10,000 segments take
// about 1.4 MB, and maxSeries series of a few hundred points some more
// megabytes; a bigger file is no snapshot segdash wrote (or /dev/zero).
const MaxSize = 64 << 20

// Snapshot is what a dashboard last saw of one workspace, kept on disk so
// that the next start shows it at once.
type Snapshot struct {
	Version  int    `json:"version"`
	Endpoint string `json:"endpoint"`
	// KeyFingerprint tells API keys (workspaces) apart; see Fingerprint.
	KeyFingerprint string    `json:"key_fingerprint"`
	SavedAt        time.Time `json:"saved_at"`
	ListedAt       time.Time `json:"listed_at"`
	// Pages is how many list pages the listing took (0: unknown).
	Pages    int              `json:"pages,omitempty"`
	Segments []client.Segment `json:"segments"`
	Series   []Series         `json:"series"`
	// Chunks are the closed 100-day chunks of long windows (see
	// client.Cache.Window): put back into the cache at start, so a year's
	// chart costs one request (its newest chunk), not four or five.
	Chunks []Series `json:"chunks,omitempty"`
}

// Series is one remembered series.
type Series struct {
	SegmentID string         `json:"segment_id"`
	Length    int            `json:"length"`
	EndingAt  time.Time      `json:"ending_at"` // zero: up to the time of fetching
	Fetched   time.Time      `json:"fetched"`
	Points    []client.Point `json:"points"`
}

// Key is the series' cache key.
func (s Series) Key() client.SeriesKey {
	return client.SeriesKey{SegmentID: s.SegmentID, Length: s.Length, EndingAt: s.EndingAt}
}

// Store keeps one workspace's snapshot in a file of its own, named after
// the endpoint and the API key's fingerprint, so that workspaces never mix,
// not even two on one endpoint.
type Store struct {
	path        string
	endpoint    string
	fingerprint string
	now         func() time.Time
}

// NewStore returns the store for the workspace that apiKey opens on
// endpoint, in dir (typically os.UserCacheDir()/segdash). The key itself
// is neither stored nor part of the file name.
func NewStore(dir, endpoint, apiKey string, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	fp := Fingerprint(apiKey)
	sum := sha256.Sum256([]byte(endpoint + "\x00" + fp))
	return &Store{path: filepath.Join(dir, "snapshot-"+hex.EncodeToString(sum[:8])+".json"),
		endpoint: endpoint, fingerprint: fp, now: now}
}

// Fingerprint is a short, non-reversible name for an API key: the first 8
// bytes, in hex, of the SHA-256 of the key behind a fixed domain prefix (so
// that it matches no other hash of the key). It tells keys apart in a file
// without the file holding anything that opens the workspace.
func Fingerprint(apiKey string) string {
	sum := sha256.Sum256([]byte("segdash snapshot key fingerprint v1\x00" + apiKey))
	return hex.EncodeToString(sum[:8])
}

// Path is the snapshot file.
func (s *Store) Path() string { return s.path }

// ErrSetAside reports a snapshot file that could not be used and was
// renamed out of the way; the caller starts without it.
var ErrSetAside = errors.New("snapshot set aside")

// Load reads the snapshot. No file is (nil, nil). A corrupt, outdated,
// foreign or oversized file, or one that is no regular file (a FIFO, a
// symlink to /dev/zero), is renamed aside and reported with ErrSetAside.
func (s *Store) Load() (*Snapshot, error) {
	b, err := client.ReadRegularFile(s.path, MaxSize)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil && !errors.Is(err, client.ErrFileRefused) {
		return nil, fmt.Errorf("%s: %w", s.path, err)
	}
	var snap Snapshot
	why := ""
	if err != nil {
		why = "it is " + err.Error()
	} else {
		why = s.check(b, &snap)
	}
	if why == "" {
		return &snap, nil
	}
	aside := fmt.Sprintf("%s.bad-%d", s.path, s.now().Unix())
	if err := os.Rename(s.path, aside); err != nil {
		return nil, fmt.Errorf("%w: %s (%s, and it could not be moved: %v)", ErrSetAside, why, s.path, err)
	}
	// The reason before the paths: a status bar cut at its width still
	// says why.
	return nil, fmt.Errorf("%w: %s (%s, moved to %s)", ErrSetAside, why, s.path, aside)
}

// check decodes b into snap and says why it is unusable, or "".
func (s *Store) check(b []byte, snap *Snapshot) string {
	switch err := json.Unmarshal(b, snap); {
	case err != nil:
		return "it is not a valid snapshot (" + err.Error() + ")"
	case snap.Version != snapshotVersion:
		return fmt.Sprintf("it has format version %d, not %d", snap.Version, snapshotVersion)
	case snap.Endpoint != s.endpoint || snap.KeyFingerprint != s.fingerprint:
		return "it belongs to another workspace"
	}
	return clean(snap)
}

// Save merges snap into the saved data and writes it atomically, under a
// lock that other processes saving the same workspace (dashboards,
// check, scan, serve) wait for: what they saved meanwhile is kept (see
// merge), not overwritten. Only the newest series and chunks are kept
// (maxSeries, maxChunks), and only those that pass the API's checks.
func (s *Store) Save(snap *Snapshot) error {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return err
	}
	unlock, err := lockFile(s.path + ".lock")
	if err != nil {
		return err
	}
	defer unlock()
	old, err := s.Load()
	if err != nil && !errors.Is(err, ErrSetAside) {
		return err
	}
	c := merge(old, snap)
	c.Version, c.Endpoint, c.KeyFingerprint, c.SavedAt = snapshotVersion, s.endpoint, s.fingerprint, s.now()
	c.Segments = validSegments(c.Segments)
	c.Series, c.Chunks = bound(c.Series, maxSeries), bound(c.Chunks, maxChunks)
	return WriteFileAtomic(s.path, 0o600, func(w io.Writer) error { return json.NewEncoder(w).Encode(c) })
}

// clean checks every series as an API answer is checked (client.CleanPoints),
// putting the points in order; it says why the file is unusable, or "".
func clean(snap *Snapshot) string {
	for i := range snap.Segments {
		snap.Segments[i].Tags = slices.DeleteFunc(snap.Segments[i].Tags, func(t string) bool { return t == "" })
	}
	// In order, so a file with two bad entries is always named by the same.
	for _, g := range []struct {
		what string
		list []Series
	}{{"series", snap.Series}, {"chunk", snap.Chunks}} {
		what := g.what
		for i := range g.list {
			sr := &g.list[i]
			if err := client.CheckLength(sr.Length); err != nil {
				return fmt.Sprintf("%s %d: %v", what, i, err)
			}
			points, _, err := client.CleanPoints(sr.Points, sr.Length)
			if err != nil {
				return fmt.Sprintf("%s %d: %v", what, i, err)
			}
			sr.Points = points
		}
	}
	return ""
}
