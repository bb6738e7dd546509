package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/components/scanview"
)

// brokenEnv is the stand-in with four breaks planted on the day before the
// tests' clock, and the number of tracked segments.
func brokenEnv(t *testing.T) (*testEnv, int) {
	t.Helper()
	ws := brazetest.NewWorkspace(42, 300)
	ws.PlantBreaks(client.DateOf(testNow).AddDays(-1))
	tracked := 0
	for _, s := range ws.Listed() {
		if s.Tracked {
			tracked++
		}
	}
	return newTestEnvWith(t, brazetest.Options{Workspace: ws}), tracked
}

// finishScan waits for the scan m holds to end and delivers its answer.
func finishScan(t *testing.T, m *Model) {
	t.Helper()
	tk := m.scan.Ticket()
	if tk == nil {
		if m.scan.Phase() == scanview.Finished {
			return // it ended within the settling of the key that started it
		}
		t.Fatal("no scan is running")
	}
	<-tk.Done()
	settle(t, m, m.scan.WaitCmd(tk))
}

func TestScanInTheDashboard(t *testing.T) {
	e, tracked := brokenEnv(t)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	before := e.api.Requests("data_series")
	press(t, m, "S")
	mustContain(t, screen(m), "Scan the workspace", "Scan all segments: 288 segments.", "of the hourly 250,000", "enter start",
		"enter start · esc back") // the footer shows the view's keys
	press(t, m, "enter")
	finishScan(t, m)
	s := screen(m)
	mustContain(t, s, "scan of all segments: 288 segments", "ALERTS (4)", "unusual fall", "unusual rise", "4 alerted")
	// Rows already on screen were not asked again: at most one request per
	// tracked segment.
	if sent := e.api.Requests("data_series") - before; sent > int64(tracked) {
		t.Errorf("the scan sent %d series requests for %d tracked segments", sent, tracked)
	}
	// Every scanned row carries its numbers, far below the screen too.
	for _, seg := range m.list.All() {
		if seg.AnalyticsTrackingEnabled && !m.list.Summary(seg.ID).HasData {
			t.Fatalf("%s has no numbers after the scan", seg.Name)
		}
	}
	press(t, m, "A") // from the answer: hides it and shows the alerted rows
	if m.scan.Active() {
		t.Fatal("A did not close the answer")
	}
	if got := m.list.Visible(); got != 4 {
		t.Errorf("A shows %d rows, want the 4 alerted", got)
	}
	marks := 0
	for _, line := range strings.Split(screen(m), "\n") {
		if strings.ContainsAny(line, "▼▲") {
			marks++
		}
	}
	if marks != 4 {
		t.Errorf("%d marked rows on screen, want 4:\n%s", marks, screen(m))
	}
	press(t, m, "A")
	if m.list.Visible() != 288 {
		t.Errorf("A again shows %d rows", m.list.Visible())
	}
	// The scan filled the list: a size sort covers every tracked segment.
	press(t, m, "s", "s")
	if title := strings.SplitN(screen(m), "\n", 2)[0]; strings.Contains(title, "among") && !strings.Contains(title, "among 2") {
		t.Errorf("after a scan the size sort covers few rows: %q", title)
	}
}

func TestScanSharedByTwoViewers(t *testing.T) {
	e, tracked := brokenEnv(t)
	hub := monitor.NewHub(t.Context())
	a := e.newTestModel(Options{ScanHub: hub})
	b := e.newTestModel(Options{ScanHub: hub})
	start(t, a, 140, 40)
	start(t, b, 140, 40)
	before := e.api.Requests("data_series")
	press(t, a, "S", "enter")
	press(t, b, "S")
	if _, running := hub.Running(); running {
		mustContain(t, screen(b), "is running for every viewer", "enter join")
	}
	press(t, b, "enter")
	finishScan(t, a)
	finishScan(t, b)
	for _, m := range []*Model{a, b} {
		mustContain(t, screen(m), "ALERTS (4)")
	}
	if sent := e.api.Requests("data_series") - before; sent > int64(tracked) {
		t.Errorf("two viewers cost %d series requests, want at most %d", sent, tracked)
	}
}

func TestScanStopKeepsWhatCameBack(t *testing.T) {
	e, _ := brokenEnv(t)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	e.api.SetFault(brazetest.Fault{Latency: 200 * time.Millisecond}) // the scan cannot end before esc
	press(t, m, "S", "enter", "esc")
	finishScan(t, m)
	mustContain(t, screen(m), "scan of all segments: 288 segments", "cancelled:", "not reached", "scan stopped:")
}

// TestScanInTheDashboardKeepsTheSilences: a silence of the configuration
// that covers a break shows its alert silenced, not firing, and out of
// the count of alerted segments, as `segdash scan` does; without it the
// break fires.
func TestScanInTheDashboardKeepsTheSilences(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 300)
	falls, _ := ws.PlantBreaks(client.DateOf(testNow).AddDays(-1))
	e := newTestEnvWith(t, brazetest.Options{Workspace: ws})
	quiet := monitor.Silence{Segment: falls[0], Until: client.DateOf(testNow), Reason: "the import moved"}
	for _, c := range []struct {
		name     string
		silences []monitor.Silence
		want     []string
		alerted  int
	}{
		{"silenced", []monitor.Silence{quiet}, []string{"ALERTS (4)", "3 alerted · 1 silenced", "(silenced until 2026-11-16: the import moved)",
			"scan done: 3 of 288 alerted"}, 3},
		{"another workspace's", []monitor.Silence{{Workspace: "eu", Until: quiet.Until, Reason: "r"}}, []string{"ALERTS (4)", "scan done: 4 of 288 alerted"}, 4},
		{"none", nil, []string{"ALERTS (4)", "scan done: 4 of 288 alerted"}, 4},
	} {
		m := e.newTestModel(Options{Silences: c.silences, Workspace: "us"})
		start(t, m, 160, 40)
		press(t, m, "S", "enter")
		finishScan(t, m)
		s := screen(m)
		mustContain(t, s, c.want...)
		if c.alerted == 4 && strings.Contains(s, "silenced") {
			t.Errorf("%s: an alert is silenced:\n%s", c.name, s)
		}
		press(t, m, "A")
		if got := m.list.Visible(); got != c.alerted {
			t.Errorf("%s: A shows %d rows, want the %d firing", c.name, got, c.alerted)
		}
		if flagged := m.list.Flagged(); flagged != c.alerted {
			t.Errorf("%s: %d rows flagged, want %d", c.name, flagged, c.alerted)
		}
	}
}

// TestQuitLeavesTheScan: q during a scan leaves it, so that a scan no one
// else watches is cancelled rather than spending the budget for nobody
// (over SSH the hub outlives the session).
func TestQuitLeavesTheScan(t *testing.T) {
	e := newTestEnv(t, 300)
	var slow string
	for _, s := range e.api.Workspace().Listed() {
		if s.Tracked {
			slow = s.ID
		}
	}
	e.api.SetSegmentFault(slow, brazetest.Fault{Latency: time.Hour}) // the scan cannot end by itself
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	press(t, m, "S")
	m.Update(keyMsg("enter")) // its command, the wait for progress, is never run
	tk := m.scan.Ticket()
	if tk == nil {
		t.Fatal("no scan started")
	}
	m.Update(keyMsg("q"))
	select {
	case <-tk.Done():
	case <-time.After(30 * time.Second): // a hang detector
		t.Fatal("the scan goes on after q")
	}
	if !tk.Report().Cancelled {
		t.Errorf("report %+v: want the scan cancelled", tk.Report().Progress)
	}
}
