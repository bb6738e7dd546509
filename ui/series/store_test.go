package series

import (
	"errors"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
)

// sink records what the store pushes.
type sink struct {
	sums    map[string]Summary
	cleared int
}

func (s *sink) SetSummary(id string, sum Summary) { s.sums[id] = sum }
func (s *sink) ClearSummaries()                   { s.cleared++; clear(s.sums) }

var now = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

func points(sizes ...int64) *client.Series {
	s := &client.Series{}
	for i, v := range sizes {
		s.Points = append(s.Points, client.Point{Day: client.DateOf(now).AddDays(i - len(sizes)), Size: v})
	}
	return s
}

func TestStorePushesSummaries(t *testing.T) {
	sk := &sink{sums: map[string]Summary{}}
	s := New(30, sk)
	k := s.Key("a")
	tok := s.Begin(k)
	if !sk.sums["a"].Loading {
		t.Fatal("Begin did not push loading")
	}
	if got := s.Finish(k, tok, points(100, 150), nil, now); got != Loaded {
		t.Fatalf("Finish = %v", got)
	}
	sum := sk.sums["a"]
	if sum.Loading || !sum.HasData || sum.Latest != 150 || !sum.Change.HasPct || len(sum.Values) != 2 {
		t.Errorf("pushed %+v", sum)
	}
	// A failure keeps the data and marks it stale.
	tok = s.Begin(k)
	if s.Finish(k, tok, nil, errors.New("boom"), now) != Failed {
		t.Fatal("a failure was not recorded")
	}
	if sum := sk.sums["a"]; !sum.Stale || sum.Err != "boom" || sum.Latest != 150 {
		t.Errorf("after a failure: %+v", sum)
	}
	// Another window: the list forgets, and hears nothing of window 30.
	if !s.SetLength(7) || sk.cleared != 1 || len(sk.sums) != 0 {
		t.Errorf("window change: cleared %d, %d summaries left", sk.cleared, len(sk.sums))
	}
	s.SetLength(30)
	if sk.sums["a"].Latest != 150 {
		t.Error("returning to a window did not push its data again")
	}
}

func TestStoreDropsStaleReplies(t *testing.T) {
	s := New(30, nil)
	k := s.Key("a")
	older := s.Begin(k)
	newer := s.Begin(k)
	if s.Finish(k, older, points(1), nil, now) != Dropped {
		t.Error("an older fetch's reply was taken")
	}
	if !s.Get("a").Loading {
		t.Error("the older reply ended the newer fetch")
	}
	s.SetLength(7)
	if s.Finish(k, newer, points(1), nil, now) != Dropped {
		t.Error("a reply for a window no longer shown was taken")
	}
	if _, ok := s.State(k); ok {
		t.Error("the empty state of a window no longer shown was kept")
	}
}

func TestStoreWindowShift(t *testing.T) {
	s := New(7, nil)
	k := s.Key("a")
	s.Finish(k, s.Begin(k), points(1, 2, 3), nil, now) // newest point: yesterday
	s.Shift(-7, client.DateOf(now))
	if got := s.Label(); got != "7 days to 2026-11-08" {
		t.Errorf("after [: %s", got)
	}
	s.Shift(7, client.DateOf(now))
	if got := s.Label(); got != "7 days to now" {
		t.Errorf("after ]: %s", got)
	}
}

// TestSummaryChangeFromDataStart: the list's change of a segment created
// within the window is measured from its first day with data, not from
// the zeros before it; a series of zeros (tracking off) keeps no percent.
func TestSummaryChangeFromDataStart(t *testing.T) {
	st := &State{Series: points(0, 0, 0, 200, 210, 250)}
	if c := st.summary().Change; !c.HasPct || c.Abs != 50 || c.Pct != 25 {
		t.Errorf("change %+v, want +50 (+25%%) from the first day with data", c)
	}
	st = &State{Series: points(0, 0, 0)}
	if c := st.summary().Change; c.HasPct || c.Abs != 0 {
		t.Errorf("all zeros: change %+v", c)
	}
}

// TestPreviousKeyFollowsTheAPIsDay: the previous period of an up-to-now
// window ends where that window starts by the API's newest day (which the
// window's data told), not by our clock: with the API three days ahead,
// no day is missing between the two periods.
func TestPreviousKeyFollowsTheAPIsDay(t *testing.T) {
	s := New(30, nil)
	k := s.Key("a")
	ahead := &client.Series{}
	newest := client.DateOf(now).AddDays(2) // the API's yesterday, 3 days after ours
	for i := range 30 {
		ahead.Points = append(ahead.Points, client.Point{Day: newest.AddDays(i - 29), Size: 100})
	}
	s.Finish(k, s.Begin(k), ahead, nil, now)
	got := s.PreviousKey("a", now)
	if want := newest.AddDays(-29).Time(); !got.EndingAt.Equal(want) || got.Length != 30 {
		t.Fatalf("previous period %+v; want 30 days ending at %v (the window's first day)", got, want)
	}
}

// TestPreviousKeyFollowsTheWindowShown: the previous period ends where the
// data on screen starts, even when a newer day has been seen since (an
// answer of another segment, the API's day moving on): the two periods
// never overlap nor leave a gap on screen.
func TestPreviousKeyFollowsTheWindowShown(t *testing.T) {
	s := New(30, nil)
	a, b := s.Key("a"), s.Key("b")
	s.Finish(a, s.Begin(a), points(make([]int64, 30)...), nil, now) // a: 30 days to yesterday
	later := &client.Series{}
	for i := range 30 {
		later.Points = append(later.Points, client.Point{Day: client.DateOf(now).AddDays(i - 25), Size: 1})
	}
	s.Finish(b, s.Begin(b), later, nil, now) // b: the API has moved on 5 days
	got := s.PreviousKey("a", now)
	if want := client.DateOf(now).AddDays(-30).Time(); !got.EndingAt.Equal(want) {
		t.Fatalf("a's previous period ends %v; want %v, where a's data on screen starts", got.EndingAt, want)
	}
}
