package client_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// checkWindow asserts that s holds exactly the days of the window (length,
// end) at now, one point a day in order, each with the stand-in's size.
func checkWindow(t *testing.T, spec *brazetest.SegmentSpec, s *client.Series, length int, end, now time.Time) {
	t.Helper()
	first, last := client.WindowDays(length, end, now)
	if len(s.Points) != length || s.Length != length {
		t.Fatalf("window %d to %v: %d points, Length %d", length, end, len(s.Points), s.Length)
	}
	for i, p := range s.Points {
		if want := first.AddDays(i); p.Day != want {
			t.Fatalf("window %d to %v: point %d is %s, want %s (a gap or a duplicated day)", length, end, i, p.Day, want)
		}
		if want := spec.SizeOn(p.Day); p.Size != want {
			t.Fatalf("window %d to %v: %s has size %d, want %d", length, end, p.Day, p.Size, want)
		}
	}
	if s.Points[length-1].Day != last {
		t.Fatalf("window %d to %v ends %s, want %s", length, end, s.Points[length-1].Day, last)
	}
}

func TestWindowStitching(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	spec := firstTracked(e.api.Workspace())
	cache := e.cache(client.CacheOptions{})
	ctx := context.Background()
	lengths := []int{1, 2, 7, 30, 99, 100, 101, 150, 199, 200, 201, 299, 300, 301, 364, 365}
	// Ends from now back over more than one chunk, a day at a time near
	// the chunk boundaries, so every window starts and ends on each side
	// of one.
	ends := []time.Time{{}}
	for back := 0; back <= 110; back += 3 {
		ends = append(ends, fixedNow.AddDate(0, 0, -back))
	}
	// Windows across 1970-01-01, where chunk numbers turn negative.
	ends = append(ends, time.Date(1970, 2, 15, 0, 0, 0, 0, time.UTC), time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, length := range lengths {
		for _, end := range ends {
			s, err := cache.Window(ctx, spec.ID, length, end, 0)
			if err != nil {
				t.Fatalf("window %d to %v: %v", length, end, err)
			}
			checkWindow(t, spec, s, length, end, fixedNow)
		}
	}
}

// TestWindowNewestChunkEveryDay moves the clock a day at a time through a
// whole chunk, so the up-to-now part takes every length from 1 to 100.
func TestWindowNewestChunkEveryDay(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	spec := firstTracked(e.api.Workspace())
	cache := e.cache(client.CacheOptions{})
	for day := 0; day < client.ChunkDays+1; day++ {
		s, err := cache.Window(context.Background(), spec.ID, 365, time.Time{}, 0)
		if err != nil {
			t.Fatalf("day %d: %v", day, err)
		}
		checkWindow(t, spec, s, 365, time.Time{}, e.clock.Now())
		if !s.EndingAt.IsZero() {
			t.Fatalf("day %d: an up-to-now window has EndingAt %v", day, s.EndingAt)
		}
		e.clock.Advance(24 * time.Hour)
	}
}

func TestWindowShortUpToNowIsTheSingleRequest(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	spec := firstTracked(e.api.Workspace())
	cache := e.cache(client.CacheOptions{})
	ctx := context.Background()
	k := client.SeriesKey{SegmentID: spec.ID, Length: 30}
	want, err := cache.DataSeries(ctx, k, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Zero, and an end that is now: both are the key used before windows.
	for _, end := range []time.Time{{}, fixedNow} {
		got, err := cache.Window(ctx, spec.ID, 30, end, 0)
		if err != nil || got != want {
			t.Fatalf("end %v: got %p, %v; want the cached series %p", end, got, err, want)
		}
	}
	if n := e.api.SeriesRequests(spec.ID); n != 1 {
		t.Errorf("a 30-day window cost %d requests, want 1", n)
	}
}

func TestWindowYoungSegment(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	spec := firstTracked(e.api.Workspace())
	created := fixedNow.AddDate(0, 0, -200)
	spec.CreatedAt = created // before any request: the handler reads it later
	cache := e.cache(client.CacheOptions{})
	s, err := cache.Window(context.Background(), spec.ID, 365, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkWindow(t, spec, s, 365, time.Time{}, fixedNow)
	i, ok := s.DataStart()
	if !ok || s.Points[i].Day != client.DateOf(created) {
		t.Fatalf("DataStart = %d, %v; want the creation day %s", i, ok, client.DateOf(created))
	}
	for _, p := range s.Points[:i] {
		if p.Size != 0 {
			t.Fatalf("%s before creation has size %d", p.Day, p.Size)
		}
	}
	// A window the segment is older than starts with data.
	old, err := cache.Window(context.Background(), spec.ID, 100, time.Time{}, 0)
	if i, ok := old.DataStart(); err != nil || !ok || i != 0 {
		t.Errorf("100-day window of a 200-day-old segment: DataStart = %d, %v (%v), want 0", i, ok, err)
	}
	// An untracked segment (all zeros) has no data at all.
	for _, u := range e.api.Workspace().Segments {
		if !u.Tracked && !u.Archived {
			zs, err := cache.Window(context.Background(), u.ID, 150, time.Time{}, 0)
			if _, ok := zs.DataStart(); err != nil || ok {
				t.Errorf("untracked segment: DataStart ok = %v (%v), want false", ok, err)
			}
			break
		}
	}
}

func TestCheckWindow(t *testing.T) {
	for _, tc := range []struct {
		length int
		ok     bool
	}{{0, false}, {1, true}, {100, true}, {101, true}, {365, true}, {366, false}, {-5, false}} {
		if err := client.CheckWindow(tc.length); (err == nil) != tc.ok {
			t.Errorf("CheckWindow(%d) = %v, want ok %v", tc.length, err, tc.ok)
		}
	}
	e := newEnv(t, brazetest.Options{})
	cache := e.cache(client.CacheOptions{})
	_, err := cache.Window(context.Background(), firstTracked(e.api.Workspace()).ID, 366, time.Time{}, 0)
	if !errors.Is(err, client.ErrInvalidArgument) || e.api.Requests("") != 0 {
		t.Errorf("366 days: %v after %d requests, want an invalid argument before any", err, e.api.Requests(""))
	}
}

func TestPreviousPeriod(t *testing.T) {
	cases := []struct {
		length          int
		end             time.Time
		wantFirst, want string // this window's first day; the previous period's end
	}{
		{30, time.Time{}, "2026-10-17", "2026-10-17T00:00:00Z"},
		{7, fixedNow.AddDate(0, 0, -7), "2026-11-02", "2026-11-02T00:00:00Z"},
		{365, time.Time{}, "2025-11-16", "2025-11-16T00:00:00Z"},
		// An end later than now is now.
		{1, fixedNow.AddDate(0, 1, 0), "2026-11-15", "2026-11-15T00:00:00Z"},
	}
	for _, tc := range cases {
		first, last := client.WindowDays(tc.length, tc.end, fixedNow)
		prev := client.PreviousPeriod(tc.length, tc.end, fixedNow)
		if first.String() != tc.wantFirst || prev.Format(time.RFC3339) != tc.want {
			t.Errorf("%d days to %v: first %s, previous ends %v; want %s, %s", tc.length, tc.end, first, prev, tc.wantFirst, tc.want)
		}
		pFirst, pLast := client.WindowDays(tc.length, prev, fixedNow)
		if pLast.AddDays(1) != first || pFirst.AddDays(tc.length-1) != pLast || first.AddDays(tc.length-1) != last {
			t.Errorf("%d days to %v: previous %s..%s does not end where %s..%s starts", tc.length, tc.end, pFirst, pLast, first, last)
		}
	}
}

// TestWindowPreviousPeriodFetch asks for this year and the last one: the
// two join with no gap, and the previous one is all closed chunks.
func TestWindowPreviousPeriodFetch(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	spec := firstTracked(e.api.Workspace())
	cache := e.cache(client.CacheOptions{})
	ctx := context.Background()
	cur, err := cache.Window(ctx, spec.ID, 365, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	end := client.PreviousPeriod(365, time.Time{}, fixedNow)
	prev, err := cache.Window(ctx, spec.ID, 365, end, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkWindow(t, spec, prev, 365, end, fixedNow)
	if prev.Points[364].Day.AddDays(1) != cur.Points[0].Day || !prev.EndingAt.Equal(end) {
		t.Errorf("previous year ends %s (EndingAt %v), this one starts %s", prev.Points[364].Day, prev.EndingAt, cur.Points[0].Day)
	}
}

func TestPeekWindow(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	spec := firstTracked(e.api.Workspace())
	cache := e.cache(client.CacheOptions{})
	ctx := context.Background()
	for _, length := range []int{30, 365} {
		if _, _, ok := cache.PeekWindow(spec.ID, length, time.Time{}); ok {
			t.Fatalf("%d days: peeked before any fetch", length)
		}
		want, err := cache.Window(ctx, spec.ID, length, time.Time{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		before := e.api.Requests("")
		e.clock.Advance(time.Hour) // past the TTL: Peek serves it however old
		got, fetched, ok := cache.PeekWindow(spec.ID, length, time.Time{})
		if !ok || !fetched.Equal(e.clock.Now().Add(-time.Hour)) {
			t.Fatalf("%d days: peek ok %v, fetched %v", length, ok, fetched)
		}
		checkWindow(t, spec, got, length, time.Time{}, e.clock.Now())
		if len(got.Points) != len(want.Points) || got.Points[0] != want.Points[0] || e.api.Requests("") != before {
			t.Errorf("%d days: peek differs from the fetched window or sent a request", length)
		}
	}
}
