package ui

import (
	"sort"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui/live"
	"github.com/segdash/segdash/ui/uitest"
)

// fakeTimers is a clock and its timers: a timer fires only when the test
// moves the clock past it.
type fakeTimers struct {
	e       *testEnv
	pending []fakeTimer
	started int
}

type fakeTimer struct {
	at  time.Time
	msg func(time.Time) tea.Msg
}

func (f *fakeTimers) tick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	f.pending = append(f.pending, fakeTimer{at: f.e.now().Add(d), msg: fn})
	f.started++
	return nil
}

// run moves the clock to end, firing each timer in time order and drawing
// after every message as Bubble Tea does; it returns the messages fired.
func (f *fakeTimers) run(t *testing.T, m *Model, end time.Time) int {
	t.Helper()
	fired := 0
	for {
		sort.SliceStable(f.pending, func(i, j int) bool { return f.pending[i].at.Before(f.pending[j].at) })
		if len(f.pending) == 0 || f.pending[0].at.After(end) {
			break
		}
		next := f.pending[0]
		f.pending = f.pending[1:]
		f.e.clock.Store(next.at.UnixNano())
		_, cmd := m.Update(next.msg(next.at))
		m.View()
		drawSettle(t, m, cmd)
		fired++
	}
	f.e.clock.Store(end.UnixNano())
	return fired
}

// drawSettle is settle, drawing after every message.
func drawSettle(t *testing.T, m *Model, cmd tea.Cmd) {
	t.Helper()
	uitest.SettleWith(t, m, cmd, uitest.Options{Updated: func() { m.View() }})
}

func TestIdleMinuteDrawsOnlyWhatChanges(t *testing.T) {
	e := newTestEnv(t, 300)
	timers := &fakeTimers{e: e}
	m := e.newTestModel(Options{Refresh: 10 * time.Second, Tick: timers.tick})
	start(t, m, 200, 50)
	m.View()
	timers.run(t, m, e.now().Add(time.Minute)) // let start-up settle
	frames, started := m.frame.count, timers.started
	fired := timers.run(t, m, e.now().Add(time.Minute))
	frames, started = m.frame.count-frames, timers.started-started
	t.Logf("idle minute at refresh 10s: %d frames, %d timers started, %d fired", frames, started, fired)
	// Each of the six refreshes shows "refreshing…", then its replies,
	// and "updated now" may turn "10s ago" just before a refresh lands.
	if frames < 6 || frames > 18 {
		t.Errorf("%d frames in an idle minute, want 6..18", frames)
	}
	// One refresh timer per refresh and one age timer per label change:
	// never one timer per reply.
	if started > 14 {
		t.Errorf("%d timers started in an idle minute, want ≤ 14", started)
	}
}

func TestNoFrameWhenNothingVisibleChanged(t *testing.T) {
	e := newTestEnv(t, 300)
	timers := &fakeTimers{e: e}
	m := e.newTestModel(Options{Tick: timers.tick})
	start(t, m, 120, 40)
	m.View()
	before := m.frame.count
	// A stale age tick, a save and a terminal report change nothing.
	for _, msg := range []tea.Msg{live.AgeMsg{}, saveSnapshotMsg{}, tea.ModeReportMsg{}} {
		m.Update(msg)
		m.View()
	}
	if m.frame.count != before {
		t.Errorf("%d frames for messages that changed nothing", m.frame.count-before)
	}
	// Nine seconds later the label "updated now" is the same: no frame.
	e.advance(9 * time.Second)
	timers.run(t, m, e.now())
	m.View()
	if m.frame.count != before {
		t.Errorf("a frame while the age label kept its text")
	}
	// A second later it reads 10s: one frame.
	timers.run(t, m, e.now().Add(time.Second))
	if m.frame.count != before+1 {
		t.Errorf("%d frames when the age label changed once, want 1", m.frame.count-before)
	}
	mustContain(t, screen(m), "updated 10s ago")
}

func TestAgeTickerIsOneTimer(t *testing.T) {
	e := newTestEnv(t, 300)
	timers := &fakeTimers{e: e}
	m := e.newTestModel(Options{Tick: timers.tick})
	start(t, m, 120, 40)
	ages := 0
	for _, p := range timers.pending {
		if _, ok := p.msg(p.at).(live.AgeMsg); ok {
			ages++
		}
	}
	// Start-up brought a screenful of replies; one age timer runs.
	if ages != 1 {
		t.Errorf("%d age timers pending after %d replies, want 1", ages, len(m.list.OnScreen(lookahead)))
	}
}

func TestAgesAreTheAgeOfTheData(t *testing.T) {
	e := newTestEnv(t, 300)
	a := e.newTestModel(Options{})
	start(t, a, 120, 40)
	// A second session two minutes later is answered from the cache: it
	// shows when the API answered, not when the cache did.
	e.advance(2 * time.Minute)
	b := e.newTestModel(Options{})
	start(t, b, 120, 40)
	mustContain(t, screen(b), "updated 2m ago", "fetched 2m ago")
	if s := screen(b); strings.Contains(s, "updated now") || strings.Contains(s, "fetched now") {
		t.Errorf("data from the cache shown as new:\n%s", screen(b))
	}
}

func TestFailedRowsRetryWithBackoffAndHeal(t *testing.T) {
	e := newTestEnv(t, 300)
	timers := &fakeTimers{e: e}
	m := e.newTestModel(Options{Refresh: 5 * time.Minute, Tick: timers.tick})
	start(t, m, 120, 40)
	var broken []string
	for _, s := range m.list.OnScreen(0) {
		if s.AnalyticsTrackingEnabled && len(broken) < 3 {
			broken = append(broken, s.ID)
			e.api.SetSegmentFault(s.ID, brazetest.Fault{Status: 503, Message: "down"})
		}
	}
	e.advance(time.Minute)
	press(t, m, "R")
	mustContain(t, screen(m), "3 failing")
	// Still broken: the retries come 5 s, then 10 s, then 20 s apart.
	t0 := e.now()
	timers.run(t, m, t0.Add(5*time.Second))
	if n := e.api.SeriesRequests(broken[0]); n != 3 { // start, R, one retry
		t.Fatalf("after 5 s: %d requests for a failing row, want 3", n)
	}
	timers.run(t, m, t0.Add(14*time.Second))
	if n := e.api.SeriesRequests(broken[0]); n != 3 {
		t.Errorf("retried before the 10 s backoff: %d requests", n)
	}
	timers.run(t, m, t0.Add(15*time.Second))
	if n := e.api.SeriesRequests(broken[0]); n != 4 {
		t.Errorf("no retry 10 s after the first: %d requests", n)
	}
	// The API heals: the next retry (20 s later) shows it, no key pressed.
	for _, id := range broken {
		e.api.SetSegmentFault(id, brazetest.Fault{})
	}
	timers.run(t, m, t0.Add(35*time.Second))
	if s := screen(m); strings.Contains(s, "failing") {
		t.Errorf("not healed 35 s after the first failure:\n%s", s)
	}
	if got := m.live.NextRetry(); got != 5*time.Second {
		t.Errorf("backoff after healing %v, want 5s again", got)
	}
}

func TestSnapshotSavedAtMostEveryFewMinutesAndOnQuit(t *testing.T) {
	e := newTestEnv(t, 300)
	timers := &fakeTimers{e: e}
	saved := 0
	m := e.newTestModel(Options{Refresh: 10 * time.Second, Tick: timers.tick,
		SaveSnapshot: func(*snapshot.Snapshot) error { saved++; return nil }})
	start(t, m, 120, 40)
	timers.run(t, m, e.now().Add(10*time.Minute))
	// 60 refreshes brought new data: one save soon after start, then one
	// every three minutes.
	if m.save.count < 2 || m.save.count > 4 {
		t.Errorf("%d saves in 10 minutes of refreshes every 10 s, want 2..4", m.save.count)
	}
	before := m.save.count
	e.advance(10 * time.Second)
	press(t, m, "r") // new data since the last save
	press(t, m, "q")
	if m.save.count != before+1 {
		t.Errorf("quitting did not save the newest data")
	}
	if saved != m.save.count {
		t.Errorf("%d saves written, %d started", saved, m.save.count)
	}
}

func TestLiveRefreshAsksTheChartedRowOnly(t *testing.T) {
	e := newTestEnv(t, 300)
	timers := &fakeTimers{e: e}
	m := e.newTestModel(Options{Refresh: 10 * time.Second, Tick: timers.tick})
	start(t, m, 200, 50)
	before := e.api.Requests("")
	timers.run(t, m, e.now().Add(30*time.Second))
	// Three refreshes: the charted series each time; the other rows are
	// younger than the cache's TTL (5 min) and answered from memory.
	if got := e.api.Requests("") - before; got != 3 {
		t.Errorf("three refreshes cost %d requests, want 3 (the charted row)", got)
	}
}

func TestWarmStartShowsTheAgeOfTheSavedData(t *testing.T) {
	e := newTestEnv(t, 300)
	snap := snapshotOf(t, e)
	for i := range snap.Series {
		snap.Series[i].Fetched = testNow.Add(-3 * time.Hour)
	}
	m := e.newTestModel(Options{Snapshot: snap})
	m.Update(windowSize(120, 40))
	mustContain(t, screen(m), "updated 3h ago")
}
