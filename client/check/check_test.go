package check_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/check"
)

var now = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

func clock() time.Time { return now }

// serve starts the stand-in on ws and returns it with a cache in front of
// it, the stand-in on the fixed clock and the cache on a clock that
// advance moves on.
func serve(t *testing.T, ws *brazetest.Workspace) (h *brazetest.Handler, cache *client.Cache, advance func(time.Duration)) {
	t.Helper()
	var ahead atomic.Int64
	cacheClock := func() time.Time { return now.Add(time.Duration(ahead.Load())) }
	h = brazetest.NewHandler(brazetest.Options{Workspace: ws, Now: clock})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	noSleep := func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	c, err := client.New(srv.URL, brazetest.DemoKey, client.WithClock(clock), client.WithSleep(noSleep), client.WithRetries(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return h, client.NewCache(c, client.CacheOptions{Now: cacheClock}), func(d time.Duration) { ahead.Add(int64(d)) }
}

// uniqueTracked returns n tracked, listed segments whose names are unique
// and plain.
func uniqueTracked(ws *brazetest.Workspace, n int) []*brazetest.SegmentSpec {
	names := map[string]int{}
	for _, s := range ws.Segments {
		names[strings.ToLower(s.Name)]++
	}
	var out []*brazetest.SegmentSpec
	for _, s := range ws.Listed() {
		if s.Tracked && names[strings.ToLower(s.Name)] == 1 && !strings.ContainsAny(s.Name, "\x1b") && len(out) < n {
			out = append(out, s)
		}
	}
	return out
}

// listAhead lists the workspace, as the dashboard (or, once listings are
// kept between runs, the last run) did before the check.
func listAhead(t *testing.T, cache *client.Cache) {
	t.Helper()
	if _, err := cache.Segments(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, cache *client.Cache, refs ...string) *check.Report {
	t.Helper()
	rep, err := check.Run(context.Background(), cache, refs, check.Options{Length: 7, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestRememberedListingNamesWithoutARequest: a name in the listing the
// cache remembers costs no list request.
func TestRememberedListingNamesWithoutARequest(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 300)
	h, cache, _ := serve(t, ws)
	listAhead(t, cache)
	before := h.Requests("list")
	s := uniqueTracked(ws, 1)[0]
	rep := run(t, cache, strings.ToUpper(s.Name))
	if len(rep.Problems) != 0 || len(rep.Results) != 1 || rep.Results[0].Segment.ID != s.ID {
		t.Fatalf("report %+v", rep)
	}
	if got := h.Requests("list") - before; got != 0 {
		t.Errorf("%d list requests for a name the remembered listing has", got)
	}
}

// TestNameMissingFromARememberedListingListsAfresh: a segment created
// after the listing was remembered is found by a fresh listing, not
// reported as unknown.
func TestNameMissingFromARememberedListingListsAfresh(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 300)
	s := uniqueTracked(ws, 1)[0]
	s.Archived = true // not yet listed
	h, cache, advance := serve(t, ws)
	listAhead(t, cache)
	before := h.Requests("list")
	s.Archived = false // created since
	advance(2 * client.RecentListing)
	rep := run(t, cache, s.Name)
	if len(rep.Problems) != 0 || len(rep.Results) != 1 || rep.Results[0].Segment.ID != s.ID {
		t.Fatalf("report %+v", rep)
	}
	if h.Requests("list") == before {
		t.Error("no fresh listing")
	}
	// A name that is nowhere, tried again at once, costs no second listing.
	before = h.Requests("list")
	if rep = run(t, cache, "No Such Segment"); len(rep.Problems) != 1 {
		t.Fatalf("report %+v", rep)
	}
	if got := h.Requests("list") - before; got != 0 {
		t.Errorf("%d list requests for an unknown name right after a fresh listing", got)
	}
}

// TestIDUnknownToBrazeListsAfresh: the remembered listing names a segment
// whose id Braze no longer knows (deleted, and its name given to another):
// the check lists afresh and checks the segment that has the name now.
func TestIDUnknownToBrazeListsAfresh(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 300)
	segs := uniqueTracked(ws, 2)
	old, cur := segs[0], segs[1]
	h, cache, _ := serve(t, ws)
	listAhead(t, cache)
	name := old.Name
	old.Archived, old.Name, cur.Name = true, old.Name+" (deleted)", name
	h.SetSegmentFault(old.ID, brazetest.Fault{Status: 400, Message: "segment_id must be a valid segment API identifier"})
	rep := run(t, cache, name)
	if len(rep.Problems) != 0 || len(rep.Results) != 1 || rep.Results[0].Segment.ID != cur.ID {
		t.Fatalf("report: problems %q, results %+v", rep.Problems, rep.Results)
	}
}

// TestSeriesGoThroughTheCache: a window the cache holds costs no request,
// and a check by id asks for each window once.
func TestSeriesGoThroughTheCache(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 300)
	h, cache, _ := serve(t, ws)
	s := uniqueTracked(ws, 1)[0]
	rep, err := check.Run(context.Background(), cache, []string{s.ID, s.ID}, check.Options{Length: 7, Compare: true, Now: clock})
	if err != nil || len(rep.Results) != 1 || rep.Results[0].Previous == nil {
		t.Fatalf("report %+v, %v", rep, err)
	}
	if got := h.SeriesRequests(s.ID); got != 2 {
		t.Errorf("%d series requests for this window and the previous; want 2", got)
	}
	run(t, cache, s.Name)
	if got := h.SeriesRequests(s.ID); got != 2 {
		t.Errorf("%d series requests after checking again; want the cache's 2", got)
	}
}
