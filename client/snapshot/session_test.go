package snapshot_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/snapshot"
)

// run is one command's run against the stand-in: a new cache (a new
// process) whose saved data lives in dir.
type run struct {
	cache *client.Cache
	sess  *snapshot.Session
}

type world struct {
	api   *brazetest.Handler
	url   string
	dir   string
	now   time.Time
	clock func() time.Time
}

func newWorld(t *testing.T, segments int) *world {
	w := &world{dir: t.TempDir(), now: fixedNow}
	w.clock = func() time.Time { return w.now }
	w.api = brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(4, segments), Now: w.clock})
	srv := httptest.NewServer(w.api)
	t.Cleanup(srv.Close)
	w.url = srv.URL
	return w
}

func (w *world) start(t *testing.T, fresh bool) *run {
	t.Helper()
	c, err := client.New(w.url, brazetest.DemoKey, client.WithClock(w.clock))
	if err != nil {
		t.Fatal(err)
	}
	cache := client.NewCache(c, client.CacheOptions{Now: w.clock})
	sess, err := snapshot.Open(snapshot.NewStore(w.dir, w.url, brazetest.DemoKey, w.clock), cache, fresh)
	if err != nil {
		t.Fatal(err)
	}
	return &run{cache: cache, sess: sess}
}

func (r *run) end(t *testing.T) {
	t.Helper()
	if err := r.sess.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestWarmRunListsNothing: a run after one that listed resolves from the
// saved listing with no list request; a listing older than SavedListAge is
// listed again, knowing its page count; --fresh ignores what is saved.
func TestWarmRunListsNothing(t *testing.T) {
	w := newWorld(t, 1030)
	ctx := context.Background()
	first := w.start(t, false)
	want, err := first.cache.Segments(ctx, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	first.end(t)
	pages := int64(len(want)/client.PageSize + 1)

	lists := func(fresh bool) (int64, []client.Segment) {
		before := w.api.Requests("list")
		r := w.start(t, fresh)
		segs, err := r.cache.Segments(ctx, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		r.end(t)
		return w.api.Requests("list") - before, segs
	}
	w.now = w.now.Add(client.SavedListAge - time.Minute)
	if n, segs := lists(false); n != 0 || len(segs) != len(want) || segs[len(segs)-1].ID != want[len(want)-1].ID {
		t.Errorf("warm run: %d list requests, %d segments; want none and the %d saved", n, len(segs), len(want))
	}
	if n, _ := lists(true); n < pages {
		t.Errorf("--fresh: %d list requests, want a listing (%d pages)", n, pages)
	}
	w.now = w.now.Add(client.SavedListAge)
	if n, segs := lists(false); n != pages || len(segs) != len(want) {
		t.Errorf("saved listing over an hour old: %d list requests, want %d (the page count known)", n, pages)
	}
}

// TestWarmYearAsksOnlyTheOpenChunk: a 365-day window's closed chunks are
// saved by the first run, so the second asks only for its open chunk.
func TestWarmYearAsksOnlyTheOpenChunk(t *testing.T) {
	w := newWorld(t, 40)
	ctx := context.Background()
	id := ""
	for _, s := range w.api.Workspace().Listed() {
		if s.Tracked {
			id = s.ID
			break
		}
	}
	first := w.start(t, false)
	if _, err := first.cache.Window(ctx, id, 365, time.Time{}, 0); err != nil {
		t.Fatal(err)
	}
	first.end(t)
	cold := w.api.SeriesRequests(id)
	second := w.start(t, false)
	s, err := second.cache.Window(ctx, id, 365, time.Time{}, 0)
	if err != nil || len(s.Points) != 365 {
		t.Fatalf("warm: %v, %v", s, err)
	}
	if got := w.api.SeriesRequests(id) - cold; got != 1 || cold < 4 {
		t.Errorf("cold run %d requests, warm run %d; want 4 or 5, then 1", cold, got)
	}
}

// TestConcurrentSavesKeepEachOthersData: processes saving one workspace at
// once (each its own Store, so its own lock file handle) never lose one
// another's data: the file ends with every chunk any of them saved.
func TestConcurrentSavesKeepEachOthersData(t *testing.T) {
	dir := t.TempDir()
	now := func() time.Time { return fixedNow }
	end := fixedNow.AddDate(0, 0, -30)
	day := client.DateOf(end).AddDays(-1)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			st := snapshot.NewStore(dir, "https://rest.iad-01.braze.com", "key", now)
			chunk := snapshot.Series{SegmentID: string(rune('a' + i)), Length: 1, EndingAt: end, Fetched: fixedNow,
				Points: []client.Point{{Day: day, Size: int64(i)}}}
			if err := st.Save(&snapshot.Snapshot{Chunks: []snapshot.Series{chunk}}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	snap, err := snapshot.NewStore(dir, "https://rest.iad-01.braze.com", "key", now).Load()
	if err != nil || len(snap.Chunks) != 16 {
		t.Fatalf("%d chunks after 16 concurrent saves, want 16 (%v)", len(snap.Chunks), err)
	}
}

// TestSaveMergesListings: the newer listing wins whole, whoever saves
// last; a save without a listing keeps the saved one.
func TestSaveMergesListings(t *testing.T) {
	st := snapshot.NewStore(t.TempDir(), "e", "k", func() time.Time { return fixedNow })
	newer := &snapshot.Snapshot{ListedAt: fixedNow, Pages: 1, Segments: []client.Segment{{ID: "new", Name: "New"}}}
	older := &snapshot.Snapshot{ListedAt: fixedNow.Add(-time.Hour), Segments: []client.Segment{{ID: "old", Name: "Old"}}}
	for _, s := range []*snapshot.Snapshot{newer, older, {}} {
		if err := st.Save(s); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := st.Load()
	if err != nil || len(snap.Segments) != 1 || snap.Segments[0].ID != "new" || snap.Pages != 1 {
		t.Errorf("after saving a newer, an older and no listing: %+v, %v; want the newer", snap, err)
	}
}

// TestSavedDataBounded: a save keeps the newest 2,000 series and 2,000
// closed chunks; a workspace of 10,000 segments with both full stays far
// under the size Load reads (MaxSize).
func TestSavedDataBounded(t *testing.T) {
	st := snapshot.NewStore(t.TempDir(), "e", "k", func() time.Time { return fixedNow })
	end := fixedNow.AddDate(0, 0, -200)
	last := client.DateOf(end).AddDays(-1)
	points := make([]client.Point, client.MaxLength)
	for i := range points {
		points[i] = client.Point{Day: last.AddDays(i - client.MaxLength + 1), Size: 1_234_567 + int64(i)}
	}
	snap := &snapshot.Snapshot{ListedAt: fixedNow}
	for _, s := range brazetest.NewWorkspace(1, 10_500).Listed()[:10_000:10_000] {
		snap.Segments = append(snap.Segments, client.Segment{ID: s.ID, Name: s.Name, AnalyticsTrackingEnabled: s.Tracked, Tags: s.Tags})
	}
	for i := range 2500 {
		id := brazetest.NewWorkspace(1, 1).Segments[0].ID[:30] + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
		fetched := fixedNow.Add(time.Duration(i) * time.Second)
		snap.Series = append(snap.Series, snapshot.Series{SegmentID: id, Length: client.MaxLength, Fetched: fetched, Points: points})
		snap.Chunks = append(snap.Chunks, snapshot.Series{SegmentID: id, Length: client.MaxLength, EndingAt: end, Fetched: fetched, Points: points})
	}
	if err := st.Save(snap); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load()
	if err != nil || len(got.Series) != 2000 || len(got.Chunks) != 2000 || len(got.Segments) != 10_000 {
		t.Fatalf("loaded %d series, %d chunks, %d segments, %v", len(got.Series), len(got.Chunks), len(got.Segments), err)
	}
	for _, c := range got.Chunks {
		if c.Fetched.Before(fixedNow.Add(500 * time.Second)) {
			t.Fatalf("an older chunk (%v) kept over a newer one", c.Fetched)
		}
	}
	fi, _ := os.Stat(st.Path())
	t.Logf("the fullest saved data of 10,000 segments: %.1f MB", float64(fi.Size())/1e6)
	if fi.Size() > snapshot.MaxSize/2 {
		t.Errorf("%d bytes, want well under MaxSize", fi.Size())
	}
}

// TestClear removes every workspace's saved data and set-aside copies.
func TestClear(t *testing.T) {
	dir := t.TempDir()
	for _, key := range []string{"k1", "k2"} {
		st := snapshot.NewStore(dir, "e", key, func() time.Time { return fixedNow })
		if err := st.Save(&snapshot.Snapshot{ListedAt: fixedNow, Segments: []client.Segment{{ID: "a"}}}); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "unrelated.txt"), nil, 0o600)
	n, err := snapshot.Clear(dir)
	if err != nil || n != 2 {
		t.Fatalf("Clear = %d, %v; want 2 files removed", n, err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "snapshot-*.json"))
	if _, err := os.Stat(filepath.Join(dir, "unrelated.txt")); len(left) != 0 || err != nil {
		t.Errorf("left %v; unrelated file: %v", left, err)
	}
	if n, err := snapshot.Clear(filepath.Join(dir, "missing")); n != 0 || err != nil {
		t.Errorf("missing dir: %d, %v", n, err)
	}
}
