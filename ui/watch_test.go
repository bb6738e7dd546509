package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
)

func TestWatchlists(t *testing.T) {
	e := newTestEnv(t, 300)
	listed := e.api.Workspace().Listed()
	var saved []string
	var savedName string
	m := e.newTestModel(Options{
		Watchlists: []client.Watchlist{
			{Name: "morning", Segments: []string{listed[1].ID, strings.ToUpper(listed[2].Name), "Gone Segment"}},
			{Name: "other", Segments: []string{listed[5].ID}},
		},
		Watch: "morning",
		SaveWatchlist: func(name string, segs []client.Segment) error {
			savedName = name
			for _, s := range segs {
				saved = append(saved, s.ID)
			}
			return nil
		},
	})
	start(t, m, 120, 40)
	sel := m.list.Selected()
	if len(sel) != 2 || sel[0].ID != listed[1].ID || sel[1].ID != listed[2].ID {
		t.Fatalf("--watch morning selected %v", sel)
	}
	s := screen(m)
	mustContain(t, s, "watch: morning", "comparing 2 segments", "watchlist morning: no segment has the id or name", `"Gone`)
	press(t, m, "w")
	if sel := m.list.Selected(); len(sel) != 1 || sel[0].ID != listed[5].ID {
		t.Errorf("w moved to %v", sel)
	}
	mustContain(t, screen(m), "watch: other")
	press(t, m, "space", "W")
	if !m.watch.Active() {
		t.Fatal("W did not ask for a name")
	}
	press(t, m, "backspace", "backspace", "backspace", "backspace", "backspace", "t", "e", "a", "m", "enter")
	if savedName != "team" || len(saved) != 2 {
		t.Fatalf("saved %q %v", savedName, saved)
	}
	mustContain(t, screen(m), "saved watchlist team (2 segments)", "watch: team")
	press(t, m, "x", "w", "w", "w")
	if current, _ := m.watch.Current(); current != "team" {
		t.Errorf("the saved watchlist is not in the cycle: at %q", current)
	}
}

func TestWatchlistSavingOff(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	press(t, m, "space", "W")
	if m.watch.Active() || !strings.Contains(m.status.Notice(), "off here") {
		t.Errorf("W without a place to save: naming %v, notice %q", m.watch.Active(), m.status.Notice())
	}
	press(t, m, "w")
	if !strings.Contains(m.status.Notice(), "no watchlists yet") {
		t.Errorf("w without watchlists: %q", m.status.Notice())
	}
}

// snapshotOf runs a dashboard once and returns what it would save.
func snapshotOf(t testing.TB, e *testEnv) *snapshot.Snapshot {
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	press(t, m, "space", "down", "space")
	return m.snapshot()
}

func TestInstantStartFromSnapshot(t *testing.T) {
	e := newTestEnv(t, 300)
	snap := snapshotOf(t, e)
	snap.ListedAt = testNow.Add(-3 * time.Hour)
	for i := range snap.Series {
		snap.Series[i].Fetched = testNow.Add(-3 * time.Hour)
	}
	before := e.api.Requests("")
	m := e.newTestModel(Options{Snapshot: snap})
	_, sized := m.Update(windowSize(120, 40))
	// The first frame, before any command ran, already shows the data.
	mustContain(t, screen(m), "latest", "fetched 3h ago", "saved by the last run", e.segmentsLabel()+" listed 3h ago")
	if e.api.Requests("") != before {
		t.Fatal("requests before the first frame")
	}
	settle(t, m, tea.Batch(sized, m.Init()))
	s := screen(m)
	mustContain(t, s, e.segmentsLabel())
	if strings.Contains(s, "saved by the last run") || strings.Contains(s, "from 3h ago") {
		t.Errorf("not refreshed after start:\n%s", s)
	}
}

func TestOfflineSendsNothing(t *testing.T) {
	e := newTestEnv(t, 300)
	snap := snapshotOf(t, e)
	before := e.api.Requests("")
	m := e.newTestModel(Options{Snapshot: snap, Offline: true, Refresh: time.Minute})
	start(t, m, 120, 40)
	press(t, m, "r", "R", "j", "j", "j", "1", "d", "esc", "p", "p")
	if n := e.api.Requests("") - before; n != 0 {
		t.Fatalf("offline dashboard sent %d requests", n)
	}
	mustContain(t, screen(m), "OFFLINE")
	press(t, m, "G")
	mustContain(t, screen(m), "offline: the last run saved no data")
}

func TestSnapshotSavedAfterDataAndOnQuit(t *testing.T) {
	e := newTestEnv(t, 300)
	var saves []*snapshot.Snapshot
	var ticks recordTicks
	m := e.newTestModel(Options{SaveSnapshot: func(s *snapshot.Snapshot) error { saves = append(saves, s); return nil }, Tick: ticks.tick})
	start(t, m, 120, 40)
	if _, d, ok := last[saveSnapshotMsg](&ticks); !ok || d != saveDelay {
		t.Fatalf("no save scheduled after data arrived (%v %v)", d, ok)
	}
	_, cmd := m.Update(saveSnapshotMsg{})
	settle(t, m, cmd)
	if len(saves) != 1 || len(saves[0].Segments) != len(e.api.Workspace().Listed()) || len(saves[0].Series) == 0 {
		t.Fatalf("saves: %d", len(saves))
	}
	press(t, m, "1") // a new window: new data, not saved yet
	_, cmd = m.Update(keyMsg("q"))
	settle(t, m, cmd)
	if len(saves) != 2 {
		t.Errorf("unsaved data not saved on quit: %d saves", len(saves))
	}
}

// TestSavingOverAWatchlistAsksFirst: W with an existing name asks before
// replacing it (esc keeps the old one); counts say "1 segment".
func TestSavingOverAWatchlistAsksFirst(t *testing.T) {
	e := newTestEnv(t, 300)
	listed := e.api.Workspace().Listed()
	saves := 0
	m := e.newTestModel(Options{
		Watchlists:    []client.Watchlist{{Name: "team", Segments: []string{listed[1].ID, listed[2].ID}}},
		SaveWatchlist: func(string, []client.Segment) error { saves++; return nil },
	})
	start(t, m, 140, 40)
	press(t, m, "space", "W", "t", "e", "a", "m", "enter")
	if saves != 0 || !m.watch.Active() {
		t.Fatalf("an existing name was replaced without asking (%d saves)", saves)
	}
	mustContain(t, screen(m), "watchlist team exists (2 segments): enter replaces it · esc keeps it")
	// At 80 columns the typed name stays whole; the notice shortens.
	_, cmd := m.Update(windowSize(80, 24))
	settle(t, m, cmd)
	first := strings.Split(screen(m), "\n")[0]
	if !strings.Contains(first, "team") || !strings.Contains(first, "exists") || !strings.Contains(first, "enter") {
		t.Errorf("at 80 columns: %q", first)
	}
	_, cmd = m.Update(windowSize(140, 40))
	settle(t, m, cmd)
	press(t, m, "esc")
	if saves != 0 || m.watch.Active() {
		t.Fatalf("esc: %d saves, prompt open %v", saves, m.watch.Active())
	}
	press(t, m, "W", "t", "e", "a", "m", "enter", "enter")
	if saves != 1 {
		t.Fatalf("enter twice: %d saves", saves)
	}
	mustContain(t, screen(m), "saved watchlist team (1 segment)")
	if s := screen(m); strings.Contains(s, "1 segments") {
		t.Errorf("\"1 segments\" on screen:\n%s", s)
	}
}
