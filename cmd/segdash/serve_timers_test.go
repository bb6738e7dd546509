package main

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/client/clienttest"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// manualTicks are the timers of serve sessions, driven by the test: the
// refresh timer (of the length refresh) fires when the test says; other
// timers never fire. Each session's waiting refresh timer is counted.
type manualTicks struct {
	refresh time.Duration
	mu      sync.Mutex
	round   chan struct{} // closed to fire the waiting refresh timers
	waiting int
	changed chan struct{} // a timer started waiting
}

func newManualTicks(refresh time.Duration) *manualTicks {
	return &manualTicks{refresh: refresh, round: make(chan struct{}), changed: make(chan struct{}, 100)}
}

func (m *manualTicks) tick(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
	return func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg {
			if d != m.refresh {
				<-ctx.Done()
				return nil
			}
			m.mu.Lock()
			m.waiting++
			round := m.round
			m.mu.Unlock()
			select { // a wake-up for waitFor; one pending is enough
			case m.changed <- struct{}{}:
			default:
			}
			select {
			case <-ctx.Done():
				return nil
			case <-round:
				return fn(time.Time{})
			}
		}
	}
}

// waitFor blocks until n refresh timers wait.
func (m *manualTicks) waitFor(t *testing.T, n int) {
	t.Helper()
	for {
		m.mu.Lock()
		w := m.waiting
		m.mu.Unlock()
		if w >= n {
			return
		}
		select {
		case <-m.changed:
		case <-time.After(60 * time.Second): // a hang detector
			t.Fatalf("%d of %d refresh timers waiting", w, n)
		}
	}
}

// fire fires every waiting refresh timer.
func (m *manualTicks) fire() {
	m.mu.Lock()
	defer m.mu.Unlock()
	close(m.round)
	m.round, m.waiting = make(chan struct{}), 0
}

// TestServeSharesOneRequestPerRefresh: sessions on one cache, refreshing
// at the same pace, cost one request per refresh between them, not one
// each. The clock and the refresh timers are the test's: no wall time.
func TestServeSharesOneRequestPerRefresh(t *testing.T) {
	const refresh = 97 * time.Second // no other timer of the dashboard is this long
	clock := clienttest.NewClock(testNow)
	ticks := newManualTicks(refresh)
	var mu sync.Mutex
	perReading := map[time.Time]int{} // requests for the watched segment by clock reading
	total := 0
	var watched atomic.Value
	watched.Store("")
	e := startServeApp(t, &app{now: clock.Now, tick: ticks.tick}, func(_ *serveFlags, c *config.Config) { c.Refresh = refresh })
	e.api.OnRequest(func(r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/segments/data_series") && r.URL.Query().Get("segment_id") == watched.Load() {
			mu.Lock()
			perReading[clock.Now()]++
			total++
			mu.Unlock()
		}
	})
	watched.Store(tracked(e.api, 1)[0].ID) // on every session's first screen
	const sessions = 3
	for i := 0; i < sessions; i++ {
		// A short window: few rows to refresh, so a loaded machine keeps up.
		c, s, out := e.ptySessionSized(t, 16, 120)
		defer c.Close()
		defer s.Close()
		sshtest.WaitOutput(t, out, "fetched")
	}
	requests := func() int {
		mu.Lock()
		defer mu.Unlock()
		return total
	}
	// Refresh until three refreshes brought a request. A session still
	// loading the segment skips it, so a round may bring none; the
	// rounds are bounded all the same.
	const want = 4
	for round := 0; requests() < want; round++ {
		if round == 1000 {
			t.Fatalf("%d requests after %d refreshes", requests(), round)
		}
		ticks.waitFor(t, sessions)
		clock.Advance(refresh)
		ticks.fire()
	}
	mu.Lock()
	defer mu.Unlock()
	// Every lookup of one clock reading shares one answer.
	for at, n := range perReading {
		if n > 1 {
			t.Errorf("%d sessions cost %d requests for one segment at %v: they did not share", sessions, n, at.Sub(testNow))
		}
	}
}

// liveTimers are real session timers that count those running, so that a
// test can wait, on events, for every one to end.
type liveTimers struct {
	mu   sync.Mutex
	n    int
	wake chan struct{} // closed at the next change
}

func (l *liveTimers) add(d int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n += d
	if l.wake != nil {
		close(l.wake)
		l.wake = nil
	}
}

func (l *liveTimers) tick(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
	return func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg {
			l.add(1)
			defer l.add(-1)
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
				return fn(time.Now())
			}
		}
	}
}

// waitNone waits until no timer runs; it fails after limit (a hang).
func (l *liveTimers) waitNone(t *testing.T, limit time.Duration) {
	t.Helper()
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	for {
		l.mu.Lock()
		n := l.n
		if l.wake == nil {
			l.wake = make(chan struct{})
		}
		wake := l.wake
		l.mu.Unlock()
		if n == 0 {
			return
		}
		select {
		case <-wake:
		case <-deadline.C:
			t.Fatalf("%d session timers still running after their sessions ended", n)
		}
	}
}

// TestServeShutdownWithOpenSessions: stopping the server tells every open
// session, returns once their handlers ended, and leaves no session timer
// running.
func TestServeShutdownWithOpenSessions(t *testing.T) {
	timers := &liveTimers{}
	e := startServeApp(t, &app{now: time.Now, tick: timers.tick}, nil)
	var outs []*sshtest.Buffer
	var sessions []*gossh.Session
	var clients []*gossh.Client
	for i := 0; i < 2; i++ {
		c, s, out := e.ptySession(t)
		sshtest.WaitOutput(t, out, "Win-back")
		outs, sessions, clients = append(outs, out), append(sessions, s), append(clients, c)
	}
	e.stop()
	select {
	case err := <-e.done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
		e.done <- nil // for the cleanup
	case <-time.After(30 * time.Second): // a hang, not a measure: the sessions end on cancel
		t.Fatal("serve did not stop with open sessions")
	}
	for i, s := range sessions {
		s.Wait()
		if !strings.Contains(outs[i].String(), "shutting down") {
			t.Errorf("session %d was not told", i)
		}
		clients[i].Close()
	}
	timers.waitNone(t, 10*time.Second)
}

// TestServeFreesClosedSessions: 100 dashboards opened and closed each end
// their session (its handler returns: the disconnect is logged) and leave
// no timer running.
func TestServeFreesClosedSessions(t *testing.T) {
	timers := &liveTimers{}
	e := startServeApp(t, &app{now: time.Now, tick: timers.tick}, nil)
	const sessions = 100
	for i := 0; i < sessions; i++ {
		c, s, out := e.ptySession(t)
		sshtest.WaitOutput(t, out, "segdash")
		s.Close()
		c.Close()
	}
	if !e.logs.WaitFor(30*time.Second, func(s string) bool { return strings.Count(s, "msg=disconnect") == sessions }) {
		t.Fatalf("%d of %d sessions ended", strings.Count(e.logs.String(), "msg=disconnect"), sessions)
	}
	timers.waitNone(t, 10*time.Second)
}
