package client_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/clienttest"
)

// listEnv is the stand-in API behind a hook that may answer a list request
// itself (with a 429, say), and a cache in front of it on a fake clock.
type listEnv struct {
	api   *brazetest.Handler
	clock *clienttest.Clock
	cache *client.Cache
	pages []int // list pages asked for, in order (failed ones included)
	mu    sync.Mutex
}

// hook, if not nil, sees each list request (n: its number, asked: how
// many times its page was asked, this one included) and may answer it.
func newListEnv(t *testing.T, segments int, hook func(n, page, asked int, w http.ResponseWriter, now time.Time) bool) *listEnv {
	e := &listEnv{clock: clienttest.NewClock(fixedNow)}
	e.api = brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(5, segments), Now: e.clock.Now})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/segments/list") {
			p, _ := strconv.Atoi(r.URL.Query().Get("page"))
			e.mu.Lock()
			e.pages = append(e.pages, p)
			n, asked := len(e.pages), 0
			for _, q := range e.pages {
				if q == p {
					asked++
				}
			}
			e.mu.Unlock()
			if hook != nil && hook(n, p, asked, w, e.clock.Now()) {
				return
			}
		}
		e.api.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := client.New(srv.URL, brazetest.DemoKey, client.WithClock(e.clock.Now), client.WithSleep(e.clock.Sleep))
	if err != nil {
		t.Fatal(err)
	}
	e.cache = client.NewCache(c, client.CacheOptions{Now: e.clock.Now, MaxInFlight: 8})
	return e
}

func (e *listEnv) requests() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.pages)
}

// rateLimited answers with a 429 whose reset is two seconds ahead.
func rateLimited(w http.ResponseWriter, now time.Time) {
	w.Header().Set("X-RateLimit-Limit", "250000")
	w.Header().Set("X-RateLimit-Remaining", "0")
	w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(now.Add(2*time.Second).Unix(), 10))
	w.WriteHeader(http.StatusTooManyRequests)
	w.Write([]byte(`{"message":"API rate limit exceeded"}`))
}

// TestListingPastTheEnd: a cold listing (8 pages in flight) asks for at
// most 7 pages past the end; one that knows the page count, none.
func TestListingPastTheEnd(t *testing.T) {
	// The stand-in leaves archived segments out of the list: total
	// segments make listed ones.
	for _, tc := range []struct {
		total, listed, requests int
	}{
		{1024, 1000, 11}, // 10 full pages, then the empty page that ends them
		{1055, 1030, 11}, // 10 full pages and a short one
		{0, 0, 1},
	} {
		e := newListEnv(t, tc.total, nil)
		if n := len(e.api.Workspace().Listed()); n != tc.listed {
			t.Fatalf("%d segments list %d, not %d", tc.total, n, tc.listed)
		}
		for round := 1; round <= 2; round++ { // the first listing, then one that knows the page count
			before := e.requests()
			segs, err := e.cache.Segments(context.Background(), client.Fresh, nil)
			if err != nil || len(segs) != len(e.api.Workspace().Listed()) {
				t.Fatalf("%d segments, round %d: %d listed, %v", tc.listed, round, len(segs), err)
			}
			got, most := e.requests()-before, tc.requests
			if round == 1 {
				most += 8 - 1
			}
			if got < tc.requests || got > most {
				t.Errorf("%d segments, round %d: %d requests, want %d..%d", tc.listed, round, got, tc.requests, most)
			}
		}
	}
}

// twice returns the pages asked more often than most times, or nil.
func (e *listEnv) twice(most int) []int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := map[int]int{}
	var out []int
	for _, p := range e.pages {
		if n[p]++; n[p] == most+1 {
			out = append(out, p)
		}
	}
	return out
}

func TestListingUnder429sResumesAtTheFailedPage(t *testing.T) {
	// Every third page is refused the first time, until the reset two
	// seconds later, and waited out: the refused page is asked again, no
	// page from the start again.
	e := newListEnv(t, 3079, func(_, page, asked int, w http.ResponseWriter, now time.Time) bool {
		if page%3 == 0 && asked == 1 {
			rateLimited(w, now)
			return true
		}
		return false
	})
	segs, err := e.cache.Segments(context.Background(), 0, nil)
	if err != nil || len(segs) != 3000 {
		t.Fatalf("%d segments, %v", len(segs), err)
	}
	for p := range 31 {
		if n, want := e.count(p), 1+map[bool]int{true: 1}[p%3 == 0]; n != want {
			t.Errorf("page %d asked %d times, want %d", p, n, want)
		}
	}
	if p := e.twice(2); p != nil {
		t.Errorf("pages %v asked more than twice: the listing went back after a 429", p)
	}
}

func TestFailedListingKeepsItsPages(t *testing.T) {
	// Request 21 is refused with a reset beyond the wait the client
	// accepts: the listing fails, and the next one resumes there, asking
	// no page it already has.
	var refused atomic.Bool
	e := newListEnv(t, 3079, func(n, _, _ int, w http.ResponseWriter, now time.Time) bool {
		if n == 21 {
			refused.Store(true)
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(now.Add(time.Minute).Unix(), 10))
			w.WriteHeader(http.StatusTooManyRequests)
			return true
		}
		return false
	})
	if _, err := e.cache.Segments(context.Background(), 0, nil); !errors.Is(err, client.ErrRateLimited) {
		t.Fatalf("err = %v, want the rate limit", err)
	}
	e.clock.Advance(time.Minute)
	segs, err := e.cache.Segments(context.Background(), 0, nil)
	if err != nil || len(segs) != 3000 {
		t.Fatalf("resumed: %d segments, %v", len(segs), err)
	}
	// Each page once, the refused one twice; pages past the end (at most
	// 7 on each of the two cold listings) at most twice.
	if p := e.twice(2); p != nil {
		t.Errorf("pages %v asked more than twice", p)
	}
	e.mu.Lock()
	refusedPage := e.pages[20]
	e.mu.Unlock()
	if n := e.count(refusedPage); n != 2 {
		t.Errorf("the refused page %d asked %d times, want 2", refusedPage, n)
	}
	for p := range 31 {
		if n := e.count(p); p != refusedPage && n != 1 {
			t.Errorf("page %d asked %d times, want once", p, n)
		}
	}
}

// count is how many times page was asked for.
func (e *listEnv) count(page int) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, p := range e.pages {
		if p == page {
			n++
		}
	}
	return n
}

func TestInFlightBoundForEverything(t *testing.T) {
	var cur, peak atomic.Int32
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(2, 3000)})
	api.SetFault(brazetest.Fault{Latency: 2 * time.Millisecond})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		defer cur.Add(-1)
		api.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, _ := client.New(srv.URL, brazetest.DemoKey, client.WithPageConcurrency(8))
	cache := client.NewCache(c, client.CacheOptions{MaxInFlight: 3})
	listed := len(api.Workspace().Listed())
	cache.ExpectSegments(listed) // the listing may fetch all its pages at once
	var wg sync.WaitGroup
	wg.Go(func() {
		if _, err := cache.Segments(context.Background(), 0, nil); err != nil {
			t.Error(err)
		}
	})
	for _, s := range api.Workspace().Segments[:20] {
		wg.Go(func() { cache.DataSeries(context.Background(), client.SeriesKey{SegmentID: s.ID, Length: 3}, 0) })
		wg.Go(func() { cache.Details(context.Background(), s.ID, 0) })
	}
	wg.Wait()
	if p := peak.Load(); p > 3 || p < 2 {
		t.Errorf("peak requests in flight = %d, want at most the bound 3 (and more than 1)", p)
	}
	if got, want := api.Requests("list"), int64(listed/client.PageSize+1); got != want {
		t.Errorf("%d list requests, want %d", got, want)
	}
}
