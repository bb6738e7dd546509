package sshserve

import (
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/client/clienttest"
	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// ptySession opens a dashboard (40×120) and returns what it drew.
func (e *testServer) ptySession(t *testing.T) (*gossh.Client, *gossh.Session, *sshtest.Buffer) {
	t.Helper()
	c, err := e.dial("main", e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	s, out := sshtest.Shell(t, c, 40, 120)
	return c, s, out
}

func TestRefusesUnknownKeys(t *testing.T) {
	e := startServer(t, nil)
	if _, err := e.dial("main", sshtest.NewSigner(t)); err == nil {
		t.Fatal("an unknown key got in")
	}
	if !strings.Contains(e.logs.String(), "refused key") {
		t.Errorf("refusal not logged:\n%s", e.logs.String())
	}
}

func TestMaxSessions(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxSessions = 1 })
	secondSessionRefused(t, e, "server is full")
}

func TestRateLimitsPerIP(t *testing.T) {
	e := startServer(t, func(c *Config) { c.ConnRate, c.ConnBurst = 0.001, 1 })
	secondSessionRefused(t, e, "rate limit")
}

// secondSessionRefused opens a dashboard, then a second session at once,
// which must end with exit status 2 (not 1: no breach) and say why.
func secondSessionRefused(t *testing.T, e *testServer, why string) {
	t.Helper()
	c, s, out := e.ptySession(t)
	defer c.Close()
	defer s.Close()
	sshtest.WaitOutput(t, out, "test frame")
	c2, s2, out2 := e.ptySession(t)
	defer c2.Close()
	err := s2.Wait()
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != ExitRefused || !strings.Contains(out2.String(), why) {
		t.Errorf("second session: %v, want exit 2 saying %q:\n%s", err, why, out2.String())
	}
}

func TestIdleTimeout(t *testing.T) {
	clock := clienttest.NewClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	e := startServer(t, func(c *Config) { c.Now, c.IdleTimeout, c.IdleCheck = clock.Now, time.Minute, time.Millisecond })
	c, s, out := e.ptySession(t)
	defer c.Close()
	sshtest.WaitOutput(t, out, "test frame")
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case <-done:
		t.Fatal("a session closed before its idle timeout")
	default:
	}
	clock.Advance(time.Minute + time.Second)
	select {
	case <-done:
	case <-time.After(30 * time.Second): // a hang detector
		t.Fatal("a dashboard without input was not closed")
	}
	if !strings.Contains(out.String(), "closed after 1m0s without input") || !strings.Contains(e.logs.String(), "idle timeout") {
		t.Errorf("idle close not told or logged: %q", out.String()[max(0, len(out.String())-200):])
	}
}

// silentConn connects over TCP and says nothing; it returns once the
// server has sent its banner (so the server counts it).
func silentConn(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	buf := make([]byte, 4)
	if _, err := io.ReadFull(c, buf); err != nil || string(buf) != "SSH-" {
		t.Fatalf("no SSH banner: %q %v", buf, err)
	}
	return c
}

// closedByServer waits for the server to close c.
func closedByServer(c net.Conn) bool {
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := io.ReadAll(c)
	var ne net.Error
	return !(errors.As(err, &ne) && ne.Timeout())
}

func TestDropsSilentConnections(t *testing.T) {
	e := startServer(t, func(c *Config) { c.HandshakeTimeout = 200 * time.Millisecond })
	if c := silentConn(t, e.addr); !closedByServer(c) {
		t.Error("a connection that never starts SSH was kept open past the handshake timeout")
	}
}

func TestBoundsUnauthenticatedConnections(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxUnauthenticated = 2 })
	// Authenticated connections hold no slot.
	for i := 0; i < 3; i++ {
		c, err := e.dial("main", e.allowed)
		if err != nil {
			t.Fatalf("login %d: %v", i, err)
		}
		defer c.Close()
	}
	silentConn(t, e.addr)
	silentConn(t, e.addr)
	third, err := net.Dial("tcp", e.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if !closedByServer(third) {
		t.Error("a third unauthenticated connection was kept")
	}
	if !strings.Contains(e.logs.String(), "too many unauthenticated") {
		t.Errorf("refusal not logged:\n%s", e.logs.String())
	}
}

// TestBoundsUnauthenticatedPerAddress: eight silent connections from one
// address hold their slots; the ninth is dropped at once although the
// global pool (32) has room, and the log says why.
func TestBoundsUnauthenticatedPerAddress(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxUnauthenticated, c.MaxUnauthenticatedPerIP = 32, 8 })
	for i := 0; i < 8; i++ {
		silentConn(t, e.addr) // each gets the banner: it holds a slot
	}
	ninth, err := net.Dial("tcp", e.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer ninth.Close()
	if !closedByServer(ninth) {
		t.Error("a ninth unauthenticated connection from one address was kept")
	}
	if logs := e.logs.String(); !strings.Contains(logs, "refused: "+refusedUnauthSource) {
		t.Errorf("refusal not logged:\n%s", logs)
	}
}

// panicModel panics as it starts.
type panicModel struct{}

func (panicModel) Init() tea.Cmd                         { return func() tea.Msg { return nil } }
func (m panicModel) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("boom") }
func (panicModel) View() tea.View                        { return tea.NewView("") }

// TestSessionPanic: a panic in one session's dashboard is logged, the user
// is told, and the server goes on serving.
func TestSessionPanic(t *testing.T) {
	e := startServer(t, func(c *Config) { c.Model = func(ui.Options) tea.Model { return panicModel{} } })
	c, s, out := e.ptySession(t)
	defer c.Close()
	s.Wait()
	if !strings.Contains(out.String(), "internal error") || !strings.Contains(e.logs.String(), "panic in a dashboard session") {
		t.Errorf("panic not told or logged: %q\nlogs: %s", out.String(), e.logs.String())
	}
	c2, err := e.dial("main", e.allowed)
	if err != nil {
		t.Fatalf("the server stopped serving after a session panic: %v", err)
	}
	c2.Close()
}

// TestClosedSessionEndsItsDashboard: a client that closes its dashboard's
// session but keeps the connection (as a multiplexing client does) ends
// the dashboard: the session's handler returns.
func TestClosedSessionEndsItsDashboard(t *testing.T) {
	e := startServer(t, nil)
	c, s, out := e.ptySession(t)
	defer c.Close()
	sshtest.WaitOutput(t, out, "test frame")
	s.Close()
	if !e.logs.WaitFor(sshtest.HangLimit, func(l string) bool { return strings.Contains(l, "msg=disconnect") }) {
		t.Fatal("the dashboard of a closed session still runs while its connection stays")
	}
}
