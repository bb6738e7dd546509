package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// TestPreviousPeriodOverlay: v overlays the previous 30 days (1 or 2
// requests the first time, none on refresh), says how the average daily
// size compares, and the cursor reads the previous period's day too.
func TestPreviousPeriodOverlay(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	id := m.list.CursorID()
	cur := m.store.Get(id).Series.Points
	before := e.api.SeriesRequests(id)
	press(t, m, "v")
	if got := e.api.SeriesRequests(id) - before; got < 1 || got > 2 {
		t.Fatalf("the previous 30 days cost %d requests, want 1 or 2", got)
	}
	k := m.store.PreviousKey(id, testNow)
	first, _ := client.WindowDays(30, time.Time{}, testNow)
	if k.Length != 30 || !k.EndingAt.Equal(first.Time()) {
		t.Fatalf("previous period key %+v, want 30 days ending %s", k, first)
	}
	prev := m.store.GetPrevious(id, testNow).Series.Points
	if len(prev) != 30 || !prev[29].Day.Before(cur[0].Day) || prev[29].Day.AddDays(1) != cur[0].Day {
		t.Fatalf("previous period %v … %v against %v", prev[0].Day, prev[len(prev)-1].Day, cur[0].Day)
	}
	cmp, _ := output.Result{Points: cur, Previous: prev}.Compare()
	s := screen(m)
	mustContain(t, s, cmp.String(), "previous 30 days", "vs previous 30 days: ")
	press(t, m, "h", "h")
	mustContain(t, screen(m), reading(cur, 28)+"  previous "+prev[28].Day.Time().Format("Jan 02 2006")+": "+output.Grouped(prev[28].Size))
	// A refresh asks for the window's newest part only.
	e.advance(time.Minute)
	before = e.api.SeriesRequests(id)
	press(t, m, "r")
	if got := e.api.SeriesRequests(id) - before; got != 1 {
		t.Errorf("a refresh with the previous period cost %d requests, want 1", got)
	}
	press(t, m, "v")
	if s := screen(m); strings.Contains(s, "vs previous") || strings.Contains(s, "previous 30 days") {
		t.Errorf("v did not hide the previous period:\n%s", s)
	}
}

// TestPreviousPeriodOfAShiftedYear: a year moved back a month compares
// with the 365 days before it, which end where it starts.
func TestPreviousPeriodOfAShiftedYear(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Length: 365})
	start(t, m, 140, 40)
	id := trackedOlderThan(t, e, testNow.AddDate(-2, 0, -1), true)
	cursorTo(t, m, id)
	press(t, m, "[", "v")
	cur := m.store.Get(id).Series.Points
	st := m.store.GetPrevious(id, testNow)
	if st == nil || st.Series == nil || len(st.Series.Points) != 365 || st.Series.Points[364].Day.AddDays(1) != cur[0].Day {
		t.Fatalf("previous year %+v", st)
	}
	mustContain(t, screen(m), "vs previous 365 days: ")
}
