package ui

import (
	"testing"

	"github.com/segdash/segdash/client"
)

// TestSnapshotKeepsTheChunksOfAYear: a year charted by the last run costs
// one request at the next start (its newest chunk), not four or five.
func TestSnapshotKeepsTheChunksOfAYear(t *testing.T) {
	e := newTestEnv(t, 40)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	press(t, m, "5") // 365 days
	id := m.list.CursorID()
	snap := m.snapshot()
	if len(snap.Chunks) < 3 {
		t.Fatalf("the snapshot kept %d chunks of a year", len(snap.Chunks))
	}
	// The next start, with a cache of its own (the same workspace).
	next := newTestEnv(t, 40)
	m2 := next.newTestModel(Options{Snapshot: snap, Length: 365})
	start(t, m2, 140, 40)
	if got := next.api.SeriesRequests(id); got != 1 {
		t.Errorf("the year of %s cost %d requests after a restart, want 1", id, got)
	}
	if st := m2.store.Get(id); st == nil || st.Series == nil || len(st.Series.Points) != client.MaxWindow {
		t.Errorf("the year is not drawn after a restart: %+v", st)
	}
}
