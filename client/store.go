package client

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// snapshotVersion changes when the snapshot format does; older files are
// set aside like corrupt ones.
const snapshotVersion = 1

// maxSnapshotSeries bounds the series a snapshot keeps (the newest).
const maxSnapshotSeries = 2000

// Snapshot is what a dashboard last saw of one workspace, kept on disk so
// that the next start shows it at once.
type Snapshot struct {
	Version  int              `json:"version"`
	Endpoint string           `json:"endpoint"`
	SavedAt  time.Time        `json:"saved_at"`
	ListedAt time.Time        `json:"listed_at"`
	Segments []Segment        `json:"segments"`
	Series   []SnapshotSeries `json:"series"`
}

// SnapshotSeries is one remembered series.
type SnapshotSeries struct {
	SegmentID string    `json:"segment_id"`
	Length    int       `json:"length"`
	EndingAt  time.Time `json:"ending_at"` // zero: up to the time of fetching
	Fetched   time.Time `json:"fetched"`
	Points    []Point   `json:"points"`
}

// Key is the series' cache key.
func (s SnapshotSeries) Key() SeriesKey {
	return SeriesKey{SegmentID: s.SegmentID, Length: s.Length, EndingAt: s.EndingAt}
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
	if len(c.Series) > maxSnapshotSeries {
		series := append([]SnapshotSeries(nil), c.Series...)
		sort.Slice(series, func(i, j int) bool { return series[i].Fetched.After(series[j].Fetched) })
		c.Series = series[:maxSnapshotSeries]
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return err
	}
	return WriteFileAtomic(s.path, 0o600, func(w io.Writer) error { return json.NewEncoder(w).Encode(&c) })
}

// WriteFileAtomic writes path through a temporary file in the same folder,
// synced and renamed over the old file only when write succeeded: a failed
// or interrupted write leaves the old file as it was, and no temporary file.
func WriteFileAtomic(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
