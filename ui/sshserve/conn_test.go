package sshserve

import (
	"context"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// fakeTimer is one pre-session timer, fired by the test.
type fakeTimer struct {
	d       time.Duration
	fire    func()
	stopped *atomic.Bool
}

// fakeTimers are the pre-session timers the server started, in order.
type fakeTimers chan fakeTimer

func (ft fakeTimers) afterFunc(d time.Duration, f func()) func() bool {
	stopped := &atomic.Bool{}
	ft <- fakeTimer{d: d, fire: f, stopped: stopped}
	return func() bool { return !stopped.Swap(true) }
}

func (ft fakeTimers) next(t *testing.T) fakeTimer {
	t.Helper()
	return receive(t, ft, "no pre-session timer started")
}

// TestConnectionsWithoutSessionsAreCounted: authenticated connections that
// open no session count against MaxConnections; one more is refused and
// logged; closing one (here by its pre-session timer) frees its slot.
func TestConnectionsWithoutSessionsAreCounted(t *testing.T) {
	timers := make(fakeTimers, 16)
	e := startServer(t, func(c *Config) { c.MaxSessions, c.MaxConnections, c.AfterFunc = 1, 2, timers.afterFunc })
	for i := range 2 {
		c, err := e.dial("main", e.allowed)
		if err != nil {
			t.Fatalf("connection %d: %v", i+1, err)
		}
		defer c.Close()
	}
	first := timers.next(t)
	timers.next(t)
	if _, err := e.dial("main", e.allowed); err == nil {
		t.Fatal("a third connection without a session got in")
	}
	if !strings.Contains(e.logs.String(), "refused: too many connections") {
		t.Errorf("the refusal was not logged:\n%s", e.logs.String())
	}
	first.fire() // closes the first connection, which holds no session
	c, err := e.dial("main", e.allowed)
	if err != nil {
		t.Fatalf("after a connection was closed: %v", err)
	}
	c.Close()
}

// TestPreSessionTimeoutClosesIdleConnections: an authenticated connection
// that holds no session is closed after PreSessionTimeout (30 s by
// default); one whose session runs is not; when its last session ends the
// timer starts again.
func TestPreSessionTimeoutClosesIdleConnections(t *testing.T) {
	timers := make(fakeTimers, 16)
	release := make(chan struct{})
	e := startServer(t, func(c *Config) {
		c.AfterFunc = timers.afterFunc
		c.Exec = func(ctx context.Context, _ string, _, _ []string, stdout, _ io.Writer) int {
			io.WriteString(stdout, "running\n")
			<-release
			return 0
		}
	})
	idle, err := e.dial("main", e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	tm := timers.next(t)
	if tm.d != PreSessionTimeout || PreSessionTimeout != 30*time.Second {
		t.Errorf("pre-session timeout %v, want 30s", tm.d)
	}
	closed := make(chan error, 1)
	go func() { closed <- idle.Wait() }()
	tm.fire()
	select {
	case <-closed:
	case <-time.After(30 * time.Second):
		t.Fatal("a connection without a session was kept past its timer")
	}
	if !strings.Contains(e.logs.String(), "closed: connection held no session") {
		t.Errorf("not logged:\n%s", e.logs.String())
	}

	busy, err := e.dial("main", e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	tm = timers.next(t)
	s, err := busy.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := &sshtest.Buffer{}
	s.Stdout = out
	if err := s.Start("check x"); err != nil {
		t.Fatal(err)
	}
	out.WaitFor(sshtest.HangLimit, func(s string) bool { return s == "running\n" })
	if !tm.stopped.Load() {
		t.Error("the timer still ran while a session was open")
	}
	tm.fire() // as a timer that fired while the session started
	if _, err := busy.NewSession(); err != nil {
		t.Fatalf("a connection with a session was closed: %v", err)
	}
	close(release)
	if err := s.Wait(); err != nil {
		t.Fatal(err)
	}
	if again := timers.next(t); again.d != PreSessionTimeout {
		t.Errorf("after the session: timer of %v", again.d)
	}
}

// sizeModel reports the window sizes it is given, while the test has room
// for them.
type sizeModel struct{ sizes chan tea.WindowSizeMsg }

func (m sizeModel) Init() tea.Cmd { return nil }
func (m sizeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if w, ok := msg.(tea.WindowSizeMsg); ok {
		select { // the test reads the first; Update must never block
		case m.sizes <- w:
		default:
		}
	}
	return m, nil
}
func (sizeModel) View() tea.View { return tea.NewView("x") }

// TestSessionMemoryFitsTheBudget: the memory a session may hold is bounded
// by the window it may have: a client asking for 1024×1024 gets a
// dashboard of at most MaxWindowWidth×MaxWindowHeight, and the default 32
// sessions at that size fit the stated budget of 512 MiB.
func TestSessionMemoryFitsTheBudget(t *testing.T) {
	if MemoryBudget(32) > 512<<20 {
		t.Errorf("32 sessions are budgeted %d MiB, over 512 MiB", MemoryBudget(32)>>20)
	}
	sizes := make(chan tea.WindowSizeMsg, 16)
	e := startServer(t, func(c *Config) {
		c.Model = func(ui.Options) tea.Model { return sizeModel{sizes: sizes} }
	})
	c, err := e.dial("main", e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.RequestPty("xterm-256color", 1024, 1024, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	select {
	case w := <-sizes:
		if w.Width > MaxWindowWidth || w.Height > MaxWindowHeight || w.Width == 0 {
			t.Errorf("a 1024×1024 terminal got a %d×%d dashboard, over %d×%d", w.Width, w.Height, MaxWindowWidth, MaxWindowHeight)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the dashboard got no window size")
	}
}
