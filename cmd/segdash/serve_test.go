package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
)

// sshEnv is a running `segdash serve` on loopback over a stand-in API.
type sshEnv struct {
	addr    string
	api     *brazetest.Handler
	allowed gossh.Signer
	stop    context.CancelFunc
	done    chan error
	logs    *syncBuffer
}

// syncBuffer is a buffer written by several goroutines that tells its
// readers when it grows.
type syncBuffer struct {
	mu   sync.Mutex
	b    bytes.Buffer
	wake chan struct{} // closed at the next write
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wake != nil {
		close(s.wake)
		s.wake = nil
	}
	return s.b.Write(p)
}

// grown is closed at the next write.
func (s *syncBuffer) grown() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wake == nil {
		s.wake = make(chan struct{})
	}
	return s.wake
}

// waitFor waits until ok holds of the buffer's text, at every write;
// false when it did not within limit (a hang detector).
func (s *syncBuffer) waitFor(limit time.Duration, ok func(string) bool) bool {
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	for {
		grown := s.grown()
		if ok(s.String()) {
			return true
		}
		select {
		case <-grown:
		case <-deadline.C:
			return false
		}
	}
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newSigner(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func startServe(t *testing.T, mod func(*serveFlags, *config.Config)) *sshEnv {
	t.Helper()
	return startServeApp(t, &app{now: time.Now}, mod)
}

// startServeApp is startServe with the app's clock and timers (a's getenv
// is set here).
func startServeApp(t *testing.T, a *app, mod func(*serveFlags, *config.Config)) *sshEnv {
	t.Helper()
	api, env := apiEnv(t, brazetest.Options{})
	dir := t.TempDir()
	allowed := newSigner(t)
	ak := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(ak, gossh.MarshalAuthorizedKey(allowed.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	f := &serveFlags{hostKey: filepath.Join(dir, "host_key"), authorizedKeys: ak, maxSessions: 32,
		idleTimeout: time.Minute, connRate: 100, connBurst: 100, handshake: 10 * time.Second, maxUnauth: 32, maxUnauthPerIP: 8}
	cfg := config.Config{Endpoint: env["BRAZE_REST_ENDPOINT"], APIKey: env["BRAZE_API_KEY"], Theme: "auto", Length: 30,
		Refresh: time.Minute, CacheTTL: 5 * time.Minute, Concurrency: 4}
	if mod != nil {
		mod(f, &cfg)
	}
	if err := f.validate(); err != nil {
		t.Fatal(err)
	}
	getenv := func(k string) string { return env[k] }
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	e := &sshEnv{addr: ln.Addr().String(), api: api, allowed: allowed, stop: cancel, done: make(chan error, 1), logs: &syncBuffer{}}
	a.getenv = getenv
	go func() { e.done <- a.serve(ctx, f, cfg, ln, slog.New(slog.NewTextHandler(e.logs, nil))) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-e.done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	return e
}

func (e *sshEnv) dial(t *testing.T, signer gossh.Signer) (*gossh.Client, error) {
	t.Helper()
	return gossh.Dial("tcp", e.addr, &gossh.ClientConfig{User: "tester", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
}

// ptySession opens a dashboard and returns a reader of everything it drew.
func (e *sshEnv) ptySession(t *testing.T) (*gossh.Client, *gossh.Session, *syncBuffer) {
	t.Helper()
	return e.ptySessionSized(t, 40, 120)
}

// ptySessionSized is ptySession in a terminal of rows×cols.
func (e *sshEnv) ptySessionSized(t *testing.T, rows, cols int) (*gossh.Client, *gossh.Session, *syncBuffer) {
	t.Helper()
	c, err := e.dial(t, e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	s.Stdout, s.Stderr = out, out
	s.Stdin = strings.NewReader("") // nothing typed
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	return c, s, out
}

func waitOutput(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	// 30 s: a hang detector, generous under -race and load.
	if out.waitFor(30*time.Second, func(s string) bool { return strings.Contains(s, want) }) {
		return
	}
	t.Fatalf("no %q in the session's output:\n%q", want, out.String())
}

func TestServeDashboardOverPTY(t *testing.T) {
	e := startServe(t, nil)
	c, s, out := e.ptySession(t)
	defer c.Close()
	defer s.Close()
	waitOutput(t, out, "Win-back")
	// The count comes from the stand-in the server runs (the demo).
	waitOutput(t, out, fmt.Sprintf("%d segments", len(demoOptions(time.Now).Workspace.Listed())))
	if logs := e.logs.String(); !strings.Contains(logs, "msg=connect") || !strings.Contains(logs, "fingerprint=SHA256:") {
		t.Errorf("connect not logged:\n%s", logs)
	}
	if strings.Contains(e.logs.String(), brazetest.DemoKey) {
		t.Error("the API key is in the log")
	}
}

func TestServeRefusesUnknownKeys(t *testing.T) {
	e := startServe(t, nil)
	if _, err := e.dial(t, newSigner(t)); err == nil {
		t.Fatal("an unknown key got in")
	}
	if !strings.Contains(e.logs.String(), "refused key") {
		t.Errorf("refusal not logged:\n%s", e.logs.String())
	}
}

func TestServeOneShotCheck(t *testing.T) {
	e := startServe(t, nil)
	h := e.api
	seg := tracked(h, 1)[0]
	run := func(cmd string) (string, int) {
		c, err := e.dial(t, e.allowed)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		s.Stdout, s.Stderr = &out, &errb
		err = s.Run(cmd)
		code := 0
		var ee *gossh.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitStatus()
		} else if err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		return out.String() + errb.String(), code
	}
	out, code := run("check --format spark " + seg.ID)
	if code != 0 || !strings.Contains(out, seg.Name) {
		t.Errorf("check: exit %d\n%s", code, out)
	}
	out, code = run("check --format spark --min 999999999999 " + seg.ID)
	if code != 1 || !strings.Contains(out, "BREACH") {
		t.Errorf("breach: exit %d\n%s", code, out)
	}
	// A remote user cannot point the server's key elsewhere.
	out, code = run("check --endpoint https://attacker.example " + seg.ID)
	if code != 2 || !strings.Contains(out, "unknown flag: --endpoint") {
		t.Errorf("--endpoint over SSH: exit %d\n%s", code, out)
	}
	out, code = run("check --api-key-file /etc/passwd " + seg.ID)
	if code != 2 || !strings.Contains(out, "unknown flag") {
		t.Errorf("--api-key-file over SSH: exit %d\n%s", code, out)
	}
	out, code = run("rm -rf /")
	if code != 2 || !strings.Contains(out, "only one-shot checks") {
		t.Errorf("other command: exit %d\n%s", code, out)
	}
}

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

// fakeClock is a clock the test moves.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// TestServeSharesOneRequestPerRefresh: sessions on one cache, refreshing
// at the same pace, cost one request per refresh between them, not one
// each. The clock and the refresh timers are the test's: no wall time.
func TestServeSharesOneRequestPerRefresh(t *testing.T) {
	const refresh = 97 * time.Second // no other timer of the dashboard is this long
	clock := &fakeClock{t: testNow}
	ticks := newManualTicks(refresh)
	var mu sync.Mutex
	perReading := map[time.Time]int{} // requests for the watched segment by clock reading
	total := 0
	var watched atomic.Value
	watched.Store("")
	e := startServeApp(t, &app{now: clock.now, tick: ticks.tick}, func(_ *serveFlags, c *config.Config) { c.Refresh = refresh })
	e.api.OnRequest(func(r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/segments/data_series") && r.URL.Query().Get("segment_id") == watched.Load() {
			mu.Lock()
			perReading[clock.now()]++
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
		waitOutput(t, out, "fetched")
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
		clock.add(refresh)
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

func TestServeMaxSessions(t *testing.T) {
	e := startServe(t, func(f *serveFlags, _ *config.Config) { f.maxSessions = 1 })
	secondSessionRefused(t, e, "server is full")
}

// secondSessionRefused opens a dashboard, then a second session at once,
// which must end with exit status 2 (not 1: no breach) and say why.
func secondSessionRefused(t *testing.T, e *sshEnv, why string) {
	t.Helper()
	c, s, out := e.ptySession(t)
	defer c.Close()
	defer s.Close()
	waitOutput(t, out, "Win-back")
	c2, s2, out2 := e.ptySession(t)
	defer c2.Close()
	err := s2.Wait()
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != exitError || !strings.Contains(out2.String(), why) {
		t.Errorf("second session: %v, want exit 2 saying %q:\n%s", err, why, out2.String())
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
	var outs []*syncBuffer
	var sessions []*gossh.Session
	var clients []*gossh.Client
	for i := 0; i < 2; i++ {
		c, s, out := e.ptySession(t)
		waitOutput(t, out, "Win-back")
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

func TestServeFlagValidation(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte("# nobody yet\n"), 0o600)
	cases := []struct {
		f    serveFlags
		want string
	}{
		{serveFlags{maxSessions: 1, idleTimeout: time.Minute, connRate: 1, connBurst: 1, handshake: time.Second, maxUnauth: 1, maxUnauthPerIP: 1}, "--authorized-keys"},
		{serveFlags{authorizedKeys: empty, maxSessions: 1, idleTimeout: time.Minute, connRate: 1, connBurst: 1, handshake: time.Second, maxUnauth: 1, maxUnauthPerIP: 1}, "holds no public key"},
		{serveFlags{authorizedKeys: filepath.Join(dir, "missing"), maxSessions: 1, idleTimeout: time.Minute, connRate: 1, connBurst: 1, handshake: time.Second, maxUnauth: 1, maxUnauthPerIP: 1}, "no such file"},
		{serveFlags{listen: "127.0.0.1:23234", allowAnyKey: true, maxSessions: 0, idleTimeout: time.Minute, connRate: 1, connBurst: 1, handshake: time.Second, maxUnauth: 1, maxUnauthPerIP: 1}, "--max-sessions"},
		{serveFlags{listen: "0.0.0.0:23234", allowAnyKey: true, maxSessions: 1, idleTimeout: time.Minute, connRate: 1, connBurst: 1, handshake: time.Second, maxUnauth: 1, maxUnauthPerIP: 1}, "for loopback only"},
	}
	for _, tc := range cases {
		if err := tc.f.validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.f, err, tc.want)
		}
	}
}

func TestServeHostKeyGeneratedOnceWithMode0600(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", "host_ed25519")
	hostKeyOf := func() string {
		e := startServe(t, func(f *serveFlags, _ *config.Config) { f.hostKey = path })
		var got string
		c, err := gossh.Dial("tcp", e.addr, &gossh.ClientConfig{User: "t", Auth: []gossh.AuthMethod{gossh.PublicKeys(e.allowed)},
			HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
				got = gossh.FingerprintSHA256(k)
				return nil
			}})
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
		e.stop()
		<-e.done
		e.done <- nil
		return got
	}
	first := hostKeyOf()
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("host key %v, mode %v", err, st.Mode())
	}
	if second := hostKeyOf(); second != first {
		t.Errorf("host key changed across restarts: %s then %s", first, second)
	}
}

func TestServeFollowsWindowSize(t *testing.T) {
	e := startServe(t, nil)
	c, s, out := e.ptySession(t)
	defer c.Close()
	defer s.Close()
	waitOutput(t, out, "Win-back")
	if strings.Contains(out.String(), "────────────────────────────────────────") {
		t.Fatal("stacked layout at 120 columns")
	}
	if err := s.WindowChange(30, 80); err != nil {
		t.Fatal(err)
	}
	// Below 100 columns the list and the chart stack, with a rule between.
	waitOutput(t, out, "────────────────────────────────────────")
}

func TestServeRateLimitsPerIP(t *testing.T) {
	e := startServe(t, func(f *serveFlags, _ *config.Config) { f.connRate, f.connBurst = 0.001, 1 })
	secondSessionRefused(t, e, "rate limit")
}

func TestServeIdleTimeout(t *testing.T) {
	clock := &fakeClock{t: testNow}
	e := startServeApp(t, &app{now: clock.now}, func(f *serveFlags, _ *config.Config) {
		f.idleTimeout, f.idleCheck = time.Minute, time.Millisecond
	})
	c, s, out := e.ptySession(t)
	defer c.Close()
	waitOutput(t, out, "Win-back")
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case <-done:
		t.Fatal("a session closed before its idle timeout")
	default:
	}
	clock.add(time.Minute + time.Second)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
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

func TestServeDropsSilentConnections(t *testing.T) {
	e := startServe(t, func(f *serveFlags, _ *config.Config) { f.handshake = 200 * time.Millisecond })
	if c := silentConn(t, e.addr); !closedByServer(c) {
		t.Error("a connection that never starts SSH was kept open past the handshake timeout")
	}
}

func TestServeBoundsUnauthenticatedConnections(t *testing.T) {
	e := startServe(t, func(f *serveFlags, _ *config.Config) { f.maxUnauth = 2 })
	// Authenticated connections hold no slot.
	for i := 0; i < 3; i++ {
		c, err := e.dial(t, e.allowed)
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

// TestServeFreesClosedSessions: 100 dashboards opened and closed each end
// their session (its handler returns: the disconnect is logged) and leave
// no timer running.
func TestServeFreesClosedSessions(t *testing.T) {
	timers := &liveTimers{}
	e := startServeApp(t, &app{now: time.Now, tick: timers.tick}, nil)
	const sessions = 100
	for i := 0; i < sessions; i++ {
		c, s, out := e.ptySession(t)
		waitOutput(t, out, "segdash")
		s.Close()
		c.Close()
	}
	if !e.logs.waitFor(30*time.Second, func(s string) bool { return strings.Count(s, "msg=disconnect") == sessions }) {
		t.Fatalf("%d of %d sessions ended", strings.Count(e.logs.String(), "msg=disconnect"), sessions)
	}
	timers.waitNone(t, 10*time.Second)
}

// TestServeSessionPanic: a panic in one session's dashboard is logged, the
// user is told, and the server goes on serving.
func TestServeSessionPanic(t *testing.T) {
	e := startServeApp(t, &app{now: time.Now, model: func(ui.Options) tea.Model { return panicModel{} }}, nil)
	c, s, out := e.ptySession(t)
	defer c.Close()
	s.Wait()
	if !strings.Contains(out.String(), "internal error") || !strings.Contains(e.logs.String(), "panic in a dashboard session") {
		t.Errorf("panic not told or logged: %q\nlogs: %s", out.String(), e.logs.String())
	}
	c2, err := e.dial(t, e.allowed)
	if err != nil {
		t.Fatalf("the server stopped serving after a session panic: %v", err)
	}
	c2.Close()
}
