package client_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// At fixedNow yesterday is 2026-11-15, day 20,772 since 1970-01-01: day 72
// of its chunk (20,700..20,799, 2026-09-04..2026-12-12).

// epochDay is the day n days after 1970-01-01.
func epochDay(n int) client.Date { return client.DateOf(time.Unix(int64(n)*86400, 0).UTC()) }

// costs returns a function that asks for a window and returns how many
// data_series requests it sent.
func costs(t *testing.T, e *env, cache *client.Cache, id string) func(length int, end time.Time, maxAge time.Duration) int64 {
	return func(length int, end time.Time, maxAge time.Duration) int64 {
		t.Helper()
		before := e.api.SeriesRequests(id)
		s, err := cache.Window(context.Background(), id, length, end, maxAge)
		if err != nil {
			t.Fatalf("window %d to %v: %v", length, end, err)
		}
		if len(s.Points) != length {
			t.Fatalf("window %d to %v: %d points", length, end, len(s.Points))
		}
		return e.api.SeriesRequests(id) - before
	}
}

func TestWindowCacheReuse(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	id := firstTracked(e.api.Workspace()).ID
	cache := e.cache(client.CacheOptions{TTL: 5 * time.Minute})
	cost := costs(t, e, cache, id)
	week := fixedNow.AddDate(0, 0, -7)
	steps := []struct {
		what    string
		length  int
		end     time.Time
		maxAge  time.Duration
		advance time.Duration // before the step
		want    int64
	}{
		{"30 days", 30, time.Time{}, 0, 0, 1},
		{"grow to 90", 90, time.Time{}, 0, 0, 1},
		{"grow to 365: 73 days up to now and 3 closed chunks", 365, time.Time{}, 0, 0, 4},
		{"shrink to 180: all cached", 180, time.Time{}, 0, 0, 0},
		{"back a week: all cached", 365, week, 0, 0, 0},
		{"back two weeks: one older chunk", 365, week.AddDate(0, 0, -7), 0, 0, 1},
		{"back to now", 365, time.Time{}, 0, 0, 0},
		{"refresh after the TTL", 365, time.Time{}, 0, 6 * time.Minute, 1},
		{"refresh forced", 365, time.Time{}, client.Fresh, 0, 1},
		{"past midnight: the newest chunk grows by a day", 365, time.Time{}, 0, 10 * time.Hour, 1},
		{"a week back again: its newest chunk is the new up-to-now one", 365, week, 0, 0, 0},
	}
	for _, st := range steps {
		e.clock.Advance(st.advance)
		if got := cost(st.length, st.end, st.maxAge); got != st.want {
			t.Errorf("%s: %d requests, want %d", st.what, got, st.want)
		}
	}
}

func TestWindowCostAtChunkEdges(t *testing.T) {
	cases := []struct {
		what   string
		days   int // after fixedNow
		length int
		want   int64
	}{
		{"365 days, yesterday day 2 of its chunk", 30, 365, 5},
		{"365 days, yesterday the last day of its chunk", 27, 365, 4},
		{"101 days, yesterday day 0 of its chunk", 28, 101, 2},
		{"200 days, yesterday the last day of its chunk", 27, 200, 2},
		{"100 days ending a week ago: a closed chunk and the newest", 0, 100, 2},
	}
	for _, tc := range cases {
		e := newEnv(t, brazetest.Options{})
		e.clock.Advance(time.Duration(tc.days) * 24 * time.Hour)
		id := firstTracked(e.api.Workspace()).ID
		cache := e.cache(client.CacheOptions{})
		end := time.Time{}
		if tc.days == 0 {
			end = fixedNow.AddDate(0, 0, -7)
		}
		if got := costs(t, e, cache, id)(tc.length, end, 0); got != tc.want {
			t.Errorf("%s: %d requests, want %d", tc.what, got, tc.want)
		}
	}
}

// TestWindowChunkRollover crosses the midnight after which the newest
// chunk becomes a closed one: that refresh costs 2 (the closed chunk under
// its own key, and the first day of the next), the next ones 1 again.
func TestWindowChunkRollover(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	e.clock.Advance(27 * 24 * time.Hour) // yesterday: the last day of its chunk
	id := firstTracked(e.api.Workspace()).ID
	cache := e.cache(client.CacheOptions{TTL: 5 * time.Minute})
	cost := costs(t, e, cache, id)
	for i, st := range []struct {
		advance time.Duration
		want    int64
	}{{0, 4}, {12 * time.Hour, 2}, {6 * time.Minute, 1}, {6 * time.Minute, 1}} {
		e.clock.Advance(st.advance)
		if got := cost(365, time.Time{}, 0); got != st.want {
			t.Errorf("step %d: %d requests, want %d", i, got, st.want)
		}
	}
}

func TestWindowFailingChunk(t *testing.T) {
	var failing atomic.Bool
	failing.Store(true)
	var failed atomic.Int32
	// The chunk of days 20,500..20,599 fails; the others reach the stand-in.
	broken := epochDay(20600).Time().Format(time.RFC3339)
	hc := &http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
		if failing.Load() && r.URL.Query().Get("ending_at") == broken {
			failed.Add(1)
			return &http.Response{StatusCode: http.StatusServiceUnavailable, Header: http.Header{},
				Body: ioNopCloser(`{"message":"down"}`), Request: r}, nil
		}
		return http.DefaultTransport.RoundTrip(r)
	})}
	e := newEnv(t, brazetest.Options{}, client.WithHTTPClient(hc))
	spec := firstTracked(e.api.Workspace())
	cache := e.cache(client.CacheOptions{})
	_, err := cache.Window(context.Background(), spec.ID, 365, time.Time{}, 0)
	var pe *client.PartError
	if !errors.As(err, &pe) || !errors.Is(err, client.ErrServer) {
		t.Fatalf("err = %v, want a PartError wrapping a server error", err)
	}
	if pe.From != epochDay(20500) || pe.To != epochDay(20599) || pe.Failed != 1 || pe.Parts != 4 {
		t.Errorf("PartError = %+v, want days %s..%s, 1 of 4 failed", pe, epochDay(20500), epochDay(20599))
	}
	if msg := err.Error(); !strings.Contains(msg, "2026-02-16 to 2026-05-26") || !strings.Contains(msg, "1 of 4") {
		t.Errorf("message %q does not name the failed days", msg)
	}
	if failed.Load() == 0 || e.api.SeriesRequests(spec.ID) != 3 {
		t.Fatalf("%d failed attempts, %d answered requests; want some, 3", failed.Load(), e.api.SeriesRequests(spec.ID))
	}
	// The three parts that succeeded are cached: asking again sends only
	// the failed one.
	failing.Store(false)
	s, err := cache.Window(context.Background(), spec.ID, 365, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkWindow(t, spec, s, 365, time.Time{}, e.clock.Now())
	if n := e.api.SeriesRequests(spec.ID); n != 4 {
		t.Errorf("after the retry: %d requests in all, want 4", n)
	}
}

// rateLimitThird makes the third data_series request a 429.
func rateLimitThird(api *brazetest.Handler) {
	var n atomic.Int32
	api.OnRequest(func(r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/data_series") {
			return
		}
		// A fault set by request n applies to request n+1.
		switch n.Add(1) {
		case 2:
			api.SetFault(brazetest.Fault{Status: http.StatusTooManyRequests})
		case 3:
			api.SetFault(brazetest.Fault{})
		}
	})
}

func TestWindowRateLimitedMidway(t *testing.T) {
	// Waiting up to an hour, the client waits the 429 out (until the
	// hourly window resets at 15:00) and the window completes.
	e := newEnv(t, brazetest.Options{}, client.WithMaxRateWait(time.Hour))
	spec := firstTracked(e.api.Workspace())
	rateLimitThird(e.api)
	cache := e.cache(client.CacheOptions{MaxInFlight: 1})
	s, err := cache.Window(context.Background(), spec.ID, 365, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkWindow(t, spec, s, 365, time.Time{}, fixedNow)
	if n := e.api.SeriesRequests(spec.ID); n != 5 {
		t.Errorf("%d requests, want 5 (4 parts, one asked twice)", n)
	}
	if sl := e.clock.Sleeps(); len(sl) != 1 || sl[0] != 30*time.Minute {
		t.Errorf("sleeps = %v, want one of 30m", sl)
	}

	// Waiting at most 5s, the 429 fails its part only; the next try sends
	// that part alone.
	e = newEnv(t, brazetest.Options{})
	rateLimitThird(e.api)
	cache = e.cache(client.CacheOptions{MaxInFlight: 1})
	_, err = cache.Window(context.Background(), spec.ID, 365, time.Time{}, 0)
	var pe *client.PartError
	if !errors.As(err, &pe) || !errors.Is(err, client.ErrRateLimited) || pe.Failed != 1 {
		t.Fatalf("err = %v, want one part rate limited", err)
	}
	if _, err := cache.Window(context.Background(), spec.ID, 365, time.Time{}, 0); err != nil {
		t.Fatal(err)
	}
	if n := e.api.SeriesRequests(spec.ID); n != 5 {
		t.Errorf("%d requests in all, want 5 (3 answered, the 429, then the failed part)", n)
	}
}

// TestWindowPreviousPeriodCost shows this month against the last: the
// previous 30 days lie in the newest chunk (asked up to now), yet as they
// are all closed days, a refresh asks only for the current window.
func TestWindowPreviousPeriodCost(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	id := firstTracked(e.api.Workspace()).ID
	cache := e.cache(client.CacheOptions{TTL: 5 * time.Minute})
	cost := costs(t, e, cache, id)
	prev := client.PreviousPeriod(30, time.Time{}, fixedNow)
	for i, st := range []struct {
		advance time.Duration
		maxAge  time.Duration
		want    int64
	}{{0, 0, 2}, {6 * time.Minute, 0, 1}, {0, client.Fresh, 1}} {
		e.clock.Advance(st.advance)
		if got := cost(30, time.Time{}, st.maxAge) + cost(30, prev, st.maxAge); got != st.want {
			t.Errorf("step %d: %d requests for both periods, want %d", i, got, st.want)
		}
	}
}
