package snapshot

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/segdash/segdash/client"
)

// Session is one command's use of its workspace's saved data: Open puts
// the saved listing and closed chunks into the command's cache at start,
// so a second run starts where the first ended; Save merges what the cache
// holds at the end back into the file, under its lock. A nil store (the
// demo, or no cache directory) makes a session that loads and saves
// nothing.
type Session struct {
	store *Store
	cache *client.Cache
}

// Open loads the saved data of store's workspace into cache, unless fresh
// (--fresh: ask the API for everything; what this run learns is still
// saved). The saved listing is served for client.SavedListAge after it
// was listed, then listed again knowing its page count; closed chunks are
// reused as answers fetched when they were. The session is usable even
// with an error, which is a warning to show: a saved file that could not
// be used was set aside (ErrSetAside) or could not be read.
func Open(store *Store, cache *client.Cache, fresh bool) (*Session, error) {
	s := &Session{store: store, cache: cache}
	if store == nil || fresh {
		return s, nil
	}
	snap, err := store.Load()
	if snap == nil {
		return s, err
	}
	// A listing dated ahead of our clock (clocks disagree) would look new
	// for ever: only one listed by now is served.
	if snap.Segments != nil && !snap.ListedAt.IsZero() && !snap.ListedAt.After(store.now()) {
		cache.RememberListing(snap.Segments, snap.Pages, snap.ListedAt)
	} else if len(snap.Segments) > 0 {
		cache.ExpectSegments(len(snap.Segments))
	}
	for _, c := range snap.Chunks {
		cache.Remember(c.Key(), &client.Series{SegmentID: c.SegmentID, Length: c.Length, EndingAt: c.EndingAt,
			Points: c.Points}, c.Fetched)
	}
	return s, nil
}

// Save merges what the cache holds now into the saved data: its complete
// listing (the newer listing wins, whoever saved it) and its closed
// chunks. Nothing to save writes nothing.
func (s *Session) Save() error {
	if s.store == nil {
		return nil
	}
	snap := &Snapshot{}
	if segs, pages, at, ok := s.cache.Listing(); ok {
		if segs == nil {
			segs = []client.Segment{} // an empty workspace is still a listing
		}
		snap.Segments, snap.Pages, snap.ListedAt = segs, pages, at
	}
	for _, r := range s.cache.AllClosed() {
		snap.Chunks = append(snap.Chunks, Series{SegmentID: r.Key.SegmentID, Length: r.Key.Length,
			EndingAt: r.Key.EndingAt, Fetched: r.Fetched, Points: r.Series.Points})
	}
	if snap.Segments == nil && snap.Chunks == nil {
		return nil
	}
	return s.store.Save(snap)
}

// Dir is where segdash keeps the saved data of every workspace: the
// segdash folder of the user's cache directory ($XDG_CACHE_HOME or
// ~/.cache on Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows).
func Dir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "segdash"), nil
}

// Clear removes the saved data of every workspace in dir (the data files,
// copies set aside as unusable, and temporary files of a write that was
// cut short), each under its lock so that a save under way finishes
// first; the empty lock files stay. It returns how many files it removed;
// a missing dir is nothing to clear.
func Clear(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(strings.TrimPrefix(name, "."), "snapshot-") || strings.HasSuffix(name, ".lock") {
			continue
		}
		path := filepath.Join(dir, name)
		if err := removeLocked(path, dataFile(name)); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}

// dataFile is the data file a file of dir belongs to ("snapshot-….json"
// for its set-aside and temporary copies).
func dataFile(name string) string {
	name = strings.TrimPrefix(name, ".")
	if i := strings.Index(name, ".json"); i >= 0 {
		return name[:i+len(".json")]
	}
	return name
}

// removeLocked removes path holding the lock of the data file it belongs to.
func removeLocked(path, data string) error {
	unlock, err := lockFile(filepath.Join(filepath.Dir(path), data) + ".lock")
	if err != nil {
		return err
	}
	defer unlock()
	return os.Remove(path)
}
