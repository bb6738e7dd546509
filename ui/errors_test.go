package ui

import (
	"net"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/ui/live"
)

// TestColdStartWithTheAPIDown: with nothing listening at the endpoint the
// dashboard shows one state, the cause in words and what to do; not
// "could not list" beside "waiting for the segment list…" over "0 segments".
func TestColdStartWithTheAPIDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ln.Close()
	c, err := client.New(url, brazetest.DemoKey, client.WithRetries(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	cache := client.NewCache(c, client.CacheOptions{Now: func() time.Time { return testNow }})
	m := New(Options{Cache: cache, Source: url, Theme: "dark", Now: func() time.Time { return testNow },
		Tick: (&recordTicks{}).tick})
	for _, size := range [][2]int{{140, 40}, {80, 24}, {60, 16}} {
		start(t, m, size[0], size[1])
		s := screen(m)
		mustContain(t, s, "Cannot reach the Braze API: connection refused", "BRAZE_REST_ENDPOINT",
			"R tries now", "no segment list yet")
		for _, bad := range []string{"waiting for the segment list", "0 segments", "could not list", "Get \"", "dial tcp"} {
			if strings.Contains(s, bad) {
				t.Errorf("%dx%d: %q on screen:\n%s", size[0], size[1], bad, s)
			}
		}
	}
}

// TestUntrackedSaysHowToTurnTrackingOnAndDoesNotRetry: charting a segment
// that Braze refuses for lack of analytics tracking says so and how to turn
// it on, and neither a refresh, r, nor the retry of failed rows asks again.
func TestUntrackedSaysHowToTurnTrackingOnAndDoesNotRetry(t *testing.T) {
	e := newTestEnvWith(t, brazetest.Options{Workspace: brazetest.NewWorkspace(42, 300), Untracked: brazetest.UntrackedError})
	var ticks recordTicks
	m := e.newTestModel(Options{Refresh: time.Minute, Tick: ticks.tick})
	start(t, m, 140, 40)
	for seg, _ := m.list.Cursor(); seg.AnalyticsTrackingEnabled; seg, _ = m.list.Cursor() {
		press(t, m, "down")
	}
	id := m.list.CursorID()
	s := screen(m)
	mustContain(t, s, "Analytics tracking is off for this segment in Braze", `"Analytics Tracking"`)
	if strings.Contains(s, "retrying") || strings.Contains(s, "HTTP 400") {
		t.Errorf("an untracked segment promises a retry or shows the bare 400:\n%s", s)
	}
	for range 2 {
		e.advance(time.Minute)
		tick, _, _ := last[live.RefreshMsg](&ticks)
		_, cmd := m.Update(tick)
		settle(t, m, cmd)
		press(t, m, "r")
		settle(t, m, m.retryFailed())
	}
	if n := e.api.SeriesRequests(id); n != 1 {
		t.Errorf("the untracked segment was asked %d times", n)
	}
	s = screen(m)
	if row := cursorRow(s); !strings.Contains(row, "untracked") {
		t.Errorf("row: %q", row)
	}
	if strings.Contains(s, "failing") {
		t.Errorf("an untracked segment counts as failing:\n%s", s)
	}
	press(t, m, "!")
	if m.list.CursorID() != id {
		t.Error("! moved to an untracked segment")
	}
}

// TestDemoKeepsTheUntrackedMark: the demo answers untracked segments with
// zeros; once charted, the row still says untracked and the chart says what
// the zeros are.
func TestDemoKeepsTheUntrackedMark(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Demo: true})
	start(t, m, 140, 40)
	for seg, _ := m.list.Cursor(); seg.AnalyticsTrackingEnabled; seg, _ = m.list.Cursor() {
		press(t, m, "down")
	}
	if st := m.store.Get(m.list.CursorID()); st == nil || st.Series == nil {
		t.Fatal("setup: the demo sent no series for the charted untracked segment")
	}
	s := screen(m)
	row := cursorRow(s)
	if !strings.Contains(row, "untracked") {
		t.Errorf("row lost its mark once charted: %q", row)
	}
	if list, _, _ := strings.Cut(row, "│"); strings.Contains(list, " 0 ") || strings.Contains(list, "n/a") {
		t.Errorf("the stand-in's zeros show as a size: %q", list)
	}
	mustContain(t, s, "Analytics tracking is off", "the zeros the API sends are not its size")
	for _, l := range strings.Split(s, "\n") {
		_, pane, _ := strings.Cut(l, "│")
		if strings.Contains(pane, "latest 0") || strings.Contains(pane, "min 0") || strings.Contains(pane, "0 ┤") {
			t.Errorf("the pane shows numbers an untracked segment does not have: %q", pane)
		}
	}
}
