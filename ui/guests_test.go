package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/ui/components/chartpane"
	"github.com/segdash/segdash/ui/live"
	"github.com/segdash/segdash/ui/series"
)

// TestOffScreenRefreshesOnlyItsSelection: a dashboard lent to another
// workspace's screen fetches its selection in that screen's window, and
// its live refresh asks again for that selection only: no rows of its
// list, no listing. Back on screen it shows its own window again.
func TestOffScreenRefreshesOnlyItsSelection(t *testing.T) {
	e := newTestEnv(t, 300)
	var ticks recordTicks
	m := e.newTestModel(Options{Refresh: 5 * time.Minute, Tick: ticks.tick})
	start(t, m, 120, 40)
	for seg, _ := m.list.Cursor(); !seg.AnalyticsTrackingEnabled; seg, _ = m.list.Cursor() {
		press(t, m, "down")
	}
	sel := m.list.CursorID()
	press(t, m, "space")
	rows := m.list.OnScreen(0)
	asked := func() map[string]int64 {
		out := map[string]int64{}
		for _, s := range rows {
			out[s.ID] = e.api.SeriesRequests(s.ID)
		}
		return out
	}

	before := asked()
	settle(t, m, (&Hosted{m}).Lend(series.Window{Length: 90}))
	if got := m.store.Get(sel); got == nil || got.Series == nil || got.Series.Length != 90 {
		t.Fatalf("the selection lent in a 90-day window holds %+v", got)
	}
	lists := e.api.Requests("list")
	e.advance(30 * time.Minute) // past every TTL and the relisting's age
	tick, _, ok := last[live.RefreshMsg](&ticks)
	if !ok {
		t.Fatal("no refresh timer")
	}
	_, cmd := m.Update(tick)
	settle(t, m, cmd)
	after := asked()
	if after[sel]-before[sel] != 2 {
		t.Errorf("the selection was asked %d times (lent, then refreshed); want 2", after[sel]-before[sel])
	}
	for id, n := range after {
		if id != sel && n != before[id] {
			t.Errorf("off screen, row %s was asked %d times", id, n-before[id])
		}
	}
	if n := e.api.Requests("list") - lists; n != 0 {
		t.Errorf("off screen, the list was asked %d times", n)
	}

	// A retry after a failed listing waits for the return too.
	m.cat.err = errors.New("listing failed")
	settle(t, m, m.liveAction(live.RetryFailed))
	m.cat.err = nil
	if n := e.api.Requests("list") - lists; n != 0 {
		t.Errorf("off screen, a retry asked for the list %d times", n)
	}

	settle(t, m, (&Hosted{m}).Return())
	if w := (&Hosted{m}).Window(); w.Length != 30 {
		t.Fatalf("back on screen the window is %+v; want its own 30 days", w)
	}
	mustContain(t, screen(m), "30 days to now")
}

// TestGuestsChartedAndExported: another workspace's series lent to this
// dashboard is charted beside its own, each line named by its workspace,
// and the CSV of the chart (y, e) gets a workspace column to tell the two
// apart; without guests the CSV is as it always was.
func TestGuestsChartedAndExported(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	for seg, _ := m.list.Cursor(); !seg.AnalyticsTrackingEnabled; seg, _ = m.list.Cursor() {
		press(t, m, "down")
	}
	seg, _ := m.list.Cursor()
	plain, _, _ := m.chartCSV()
	if !strings.HasPrefix(string(plain), "segment_id,segment_name,date,size\n") {
		t.Fatalf("CSV without guests starts %q", firstLine(plain))
	}
	own := m.store.Get(seg.ID)
	guest := chartpane.Guest{Workspace: "eu", Segment: seg, State: &series.State{Series: own.Series, Fetched: own.Fetched}}
	(&Hosted{m}).SetGuests("us", []chartpane.Guest{guest}, 0, "eu:1")
	short := seg.Name[:min(len(seg.Name), 10)]
	got := screen(m)
	mustContain(t, got, "comparing 2 segments of 2 workspaces", "us · "+short, "eu · "+short, "1 selected in eu")

	data, n, _ := m.chartCSV()
	if n != 2*len(own.Series.Points) {
		t.Fatalf("CSV of the two series has %d rows; want %d", n, 2*len(own.Series.Points))
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if lines[0] != "workspace,segment_id,segment_name,date,size" {
		t.Fatalf("CSV header %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "us,"+seg.ID+",") || !strings.HasPrefix(lines[len(lines)-1], "eu,"+seg.ID+",") {
		t.Fatalf("CSV rows do not say their workspace: %q … %q", lines[1], lines[len(lines)-1])
	}

	// eu listed before us in the config: its rows come first, as its line
	// does in the legend.
	(&Hosted{m}).SetGuests("us", []chartpane.Guest{guest}, 1, "eu:1b")
	data, _, _ = m.chartCSV()
	lines = strings.Split(strings.TrimSpace(string(data)), "\n")
	if !strings.HasPrefix(lines[1], "eu,") || !strings.HasPrefix(lines[len(lines)-1], "us,") {
		t.Fatalf("CSV rows not in the legend's order: %q … %q", lines[1], lines[len(lines)-1])
	}

	// The other workspace's series fails its refresh: counted as failing,
	// its numbers kept with a "!".
	guest.State = &series.State{Series: own.Series, Fetched: own.Fetched, Err: errors.New("connection refused")}
	(&Hosted{m}).SetGuests("us", []chartpane.Guest{guest}, 0, "eu:2")
	mustContain(t, screen(m), "1 failing", "! connection refused")
	press(t, m, "enter") // focus: the cursor's segment alone, the count kept
	mustContain(t, screen(m), "1 selected in eu, one in focus")
}

func firstLine(b []byte) string { return strings.SplitN(string(b), "\n", 2)[0] }
