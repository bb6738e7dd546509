package ui

import (
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
)

// cursorTo puts the list's cursor on segment id and fetches what that
// charts.
func cursorTo(t *testing.T, m *Model, id string) {
	t.Helper()
	for i := range m.list.Visible() {
		if m.list.SetCursor(i); m.list.CursorID() == id {
			settle(t, m, m.ensureSeries())
			return
		}
	}
	t.Fatalf("segment %s is not in the list", id)
}

// trackedOlderThan is a listed, tracked segment created before day, or
// (older false) after it.
func trackedOlderThan(t *testing.T, e *testEnv, day time.Time, older bool) string {
	t.Helper()
	for _, s := range e.api.Workspace().Listed() {
		if s.Tracked && s.CreatedAt.Before(day) == older && s.CreatedAt.Before(testNow.AddDate(0, 0, -20)) {
			return s.ID
		}
	}
	t.Fatalf("no tracked segment created %v %v", map[bool]string{true: "before", false: "after"}[older], day)
	return ""
}

// TestYearWindowCostsAndSteps: key 5 charts 365 days through aligned
// chunks (4 or 5 requests the first time, 1 per refresh); [ and ] move a
// long window by a month, a short one by a week; t returns to now.
func TestYearWindowCostsAndSteps(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	id := trackedOlderThan(t, e, testNow.AddDate(-1, 0, -1), true)
	cursorTo(t, m, id)
	before := e.api.SeriesRequests(id)
	press(t, m, "5")
	mustContain(t, screen(m), "365 days to now")
	if got := e.api.SeriesRequests(id) - before; got < 4 || got > 5 {
		t.Fatalf("a 365-day window cost %d requests the first time, want 4 or 5", got)
	}
	st := m.store.Get(id)
	if st == nil || st.Series == nil || len(st.Series.Points) != 365 {
		t.Fatalf("365-day window holds %v", st)
	}
	e.advance(time.Minute)
	before = e.api.SeriesRequests(id)
	press(t, m, "r")
	if got := e.api.SeriesRequests(id) - before; got != 1 {
		t.Errorf("a refresh of a 365-day window cost %d requests, want 1", got)
	}
	press(t, m, "[")
	mustContain(t, screen(m), "365 days to 2026-10-16")
	press(t, m, "4", "[")
	mustContain(t, screen(m), "180 days to 2026-09-16")
	press(t, m, "3", "]")
	mustContain(t, screen(m), "90 days to 2026-09-23")
	press(t, m, "t", "2")
	mustContain(t, screen(m), "30 days to now")
	// Back to 30 days up to now: the one request it always was, cached.
	if k := m.store.Key(id); k != (client.SeriesKey{SegmentID: id, Length: 30}) {
		t.Errorf("30-day key %+v", k)
	}
}

// TestLengthOption: the dashboard opens with up to 365 days.
func TestLengthOption(t *testing.T) {
	e := newTestEnv(t, 300)
	for length, want := range map[int]int{365: 365, 180: 180, 366: 30, 0: 30} {
		if got := e.newTestModel(Options{Length: length}).store.Length(); got != want {
			t.Errorf("Length %d opens %d days, want %d", length, got, want)
		}
	}
}

// TestYearWindowKeepsTheSnapshotReadable: after a 365-day window the
// snapshot saved for the next start still loads (the snapshot reader
// accepts series of at most 100 days: longer windows are not saved and are
// asked again), and the 30-day data in it is kept.
func TestYearWindowKeepsTheSnapshotReadable(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	press(t, m, "5", "v")
	store := snapshot.NewStore(t.TempDir(), "https://rest.test", "key", e.now)
	if err := store.Save(m.snapshot()); err != nil {
		t.Fatal(err)
	}
	snap, err := store.Load()
	if err != nil || snap == nil {
		t.Fatalf("the snapshot after a year's window does not load: %v", err)
	}
	thirty := false
	for _, s := range snap.Series {
		thirty = thirty || s.Length == 30 && s.EndingAt.IsZero()
	}
	if !thirty {
		t.Errorf("the 30-day series were not saved")
	}
}
