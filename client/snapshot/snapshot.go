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
// set aside like corrupt ones.
const snapshotVersion = 1

// maxSeries bounds the series a snapshot keeps (the newest).
const maxSeries = 2000

// Snapshot is what a dashboard last saw of one workspace, kept on disk so
// that the next start shows it at once.
type Snapshot struct {
	Version  int              `json:"version"`
	Endpoint string           `json:"endpoint"`
	SavedAt  time.Time        `json:"saved_at"`
	ListedAt time.Time        `json:"listed_at"`
	Segments []client.Segment `json:"segments"`
	Series   []Series         `json:"series"`
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
// the endpoint, so workspaces never mix.
type Store struct {
	path     string
	endpoint string
	now      func() time.Time
}

// NewStore returns the store for endpoint in dir (typically
// os.UserCacheDir()/segdash).
func NewStore(dir, endpoint string, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	sum := sha256.Sum256([]byte(endpoint))
	return &Store{path: filepath.Join(dir, "snapshot-"+hex.EncodeToString(sum[:8])+".json"), endpoint: endpoint, now: now}
}

// Path is the snapshot file.
func (s *Store) Path() string { return s.path }

// ErrSetAside reports a snapshot file that could not be used and was
// renamed out of the way; the caller starts without it.
var ErrSetAside = errors.New("snapshot set aside")

// Load reads the snapshot. No file is (nil, nil). A corrupt, outdated or
// foreign file is renamed aside and reported with ErrSetAside.
func (s *Store) Load() (*Snapshot, error) {
	b, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var snap Snapshot
	why := ""
	switch err := json.Unmarshal(b, &snap); {
	case err != nil:
		why = "it is not a valid snapshot (" + err.Error() + ")"
	case snap.Version != snapshotVersion:
		why = fmt.Sprintf("it has format version %d, not %d", snap.Version, snapshotVersion)
	case snap.Endpoint != s.endpoint:
		why = "it belongs to another workspace"
	}
	if why == "" {
		return &snap, nil
	}
	aside := fmt.Sprintf("%s.bad-%d", s.path, s.now().Unix())
	if err := os.Rename(s.path, aside); err != nil {
		return nil, fmt.Errorf("%w: %s: %s, and it could not be moved: %v", ErrSetAside, s.path, why, err)
	}
	return nil, fmt.Errorf("%w: %s: %s; moved to %s", ErrSetAside, s.path, why, aside)
}

// Save writes the snapshot atomically, keeping the newest series only.
func (s *Store) Save(snap *Snapshot) error {
	c := *snap
	c.Version, c.Endpoint, c.SavedAt = snapshotVersion, s.endpoint, s.now()
	if len(c.Series) > maxSeries {
		series := append([]Series(nil), c.Series...)
		slices.SortFunc(series, func(a, b Series) int { return b.Fetched.Compare(a.Fetched) })
		c.Series = series[:maxSeries]
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return err
	}
	return WriteFileAtomic(s.path, 0o600, func(w io.Writer) error { return json.NewEncoder(w).Encode(&c) })
}
