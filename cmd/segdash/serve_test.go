package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/config"
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

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
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
	api, env := apiEnv(t, brazetest.Options{})
	dir := t.TempDir()
	allowed := newSigner(t)
	ak := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(ak, gossh.MarshalAuthorizedKey(allowed.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	f := &serveFlags{hostKey: filepath.Join(dir, "host_key"), authorizedKeys: ak, maxSessions: 32,
		idleTimeout: time.Minute, connRate: 100, connBurst: 100}
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
	a := &app{getenv: getenv, now: time.Now}
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
	c, err := e.dial(t, e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
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
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(out.String(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q in the session's output:\n%q", want, out.String())
}

func TestServeDashboardOverPTY(t *testing.T) {
	e := startServe(t, nil)
	c, s, out := e.ptySession(t)
	defer c.Close()
	defer s.Close()
	waitOutput(t, out, "Win-back")
	waitOutput(t, out, "288 segments")
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

// requestLog records when the API received each data_series request for
// one segment.
type requestLog struct {
	mu    sync.Mutex
	times []time.Time
}

func (l *requestLog) since(t0 time.Time) []time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []time.Time
	for _, t := range l.times {
		if !t.Before(t0) {
			out = append(out, t)
		}
	}
	return out
}

func TestServeSharesOneRequestPerRefresh(t *testing.T) {
	var log requestLog
	var watched string
	e := startServe(t, func(_ *serveFlags, c *config.Config) { c.Refresh = time.Second })
	watched = tracked(e.api, 1)[0].ID // on every session's first screen
	e.api.OnRequest(func(r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/segments/data_series") && r.URL.Query().Get("segment_id") == watched {
			log.mu.Lock()
			log.times = append(log.times, time.Now())
			log.mu.Unlock()
		}
	})
	for i := 0; i < 3; i++ {
		c, s, out := e.ptySession(t)
		defer c.Close()
		defer s.Close()
		waitOutput(t, out, "fetched")
	}
	t0 := time.Now()
	time.Sleep(3500 * time.Millisecond) // three refreshes of each of three sessions
	times := log.since(t0)
	// Shared: a request only when the answer is 90 % of an interval old,
	// so they come at least ~0.9 s apart, whichever session asks. Three
	// sessions on their own would ask three times per refresh, at once.
	if len(times) < 2 || len(times) > 4 {
		t.Errorf("3 sessions over 3.5 refreshes cost %d requests for one segment, want about 3 (not 9)", len(times))
	}
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 800*time.Millisecond {
			t.Errorf("two requests for one segment %v apart: the sessions did not share", gap)
		}
	}
}

func TestServeMaxSessions(t *testing.T) {
	e := startServe(t, func(f *serveFlags, _ *config.Config) { f.maxSessions = 1 })
	secondSessionRefused(t, e, "server is full")
}

// secondSessionRefused opens a dashboard, then a second session at once,
// which must end with exit status 1 and say why.
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
	if !errors.As(err, &ee) || ee.ExitStatus() != 1 || !strings.Contains(out2.String(), why) {
		t.Errorf("second session: %v, want exit 1 saying %q:\n%s", err, why, out2.String())
	}
}

func TestServeShutdownWithOpenSessions(t *testing.T) {
	baseline := runtime.NumGoroutine()
	e := startServe(t, nil)
	var outs []*syncBuffer
	var sessions []*gossh.Session
	var clients []*gossh.Client
	for i := 0; i < 2; i++ {
		c, s, out := e.ptySession(t)
		waitOutput(t, out, "Win-back")
		outs, sessions, clients = append(outs, out), append(sessions, s), append(clients, c)
	}
	start := time.Now()
	e.stop()
	select {
	case err := <-e.done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
		e.done <- nil // for the cleanup
	case <-time.After(shutdownGrace + 3*time.Second):
		t.Fatal("serve did not stop with open sessions")
	}
	if d := time.Since(start); d > shutdownGrace+time.Second { // "within a few seconds"
		t.Errorf("shutdown took %v", d)
	}
	for i, s := range sessions {
		s.Wait()
		if !strings.Contains(outs[i].String(), "shutting down") {
			t.Errorf("session %d was not told", i)
		}
		clients[i].Close()
	}
	// No goroutine outlives its session.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > baseline+2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > baseline+2 {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after shutdown, baseline %d:\n%s", n, baseline, buf[:runtime.Stack(buf, true)])
	}
}

func TestServeFlagValidation(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte("# nobody yet\n"), 0o600)
	cases := []struct {
		f    serveFlags
		want string
	}{
		{serveFlags{maxSessions: 1, idleTimeout: time.Minute, connRate: 1, connBurst: 1}, "--authorized-keys"},
		{serveFlags{authorizedKeys: empty, maxSessions: 1, idleTimeout: time.Minute, connRate: 1, connBurst: 1}, "holds no public key"},
		{serveFlags{authorizedKeys: filepath.Join(dir, "missing"), maxSessions: 1, idleTimeout: time.Minute, connRate: 1, connBurst: 1}, "no such file"},
		{serveFlags{allowAnyKey: true, maxSessions: 0, idleTimeout: time.Minute, connRate: 1, connBurst: 1}, "--max-sessions"},
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

// panicSession is the least of an ssh.Session that a failing handler uses.
type panicSession struct {
	ssh.Session
	stderr bytes.Buffer
	code   int
}

func (p *panicSession) RemoteAddr() net.Addr {
	return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}
}
func (p *panicSession) Stderr() io.ReadWriter {
	return &p.stderr
}
func (p *panicSession) Exit(code int) error { p.code = code; return nil }

func TestServeRecoversPanics(t *testing.T) {
	var logs syncBuffer
	s := &server{log: slog.New(slog.NewTextHandler(&logs, nil))}
	sess := &panicSession{}
	s.recoverPanics(func(ssh.Session) { panic("boom") })(sess)
	if !strings.Contains(logs.String(), "boom") || sess.code != 1 || !strings.Contains(sess.stderr.String(), "internal error") {
		t.Errorf("panic not recovered and reported: code %d, %q, logs %q", sess.code, sess.stderr.String(), logs.String())
	}
}

func (p *panicSession) Close() error { return nil }

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
	e := startServe(t, func(f *serveFlags, _ *config.Config) { f.idleTimeout = time.Second })
	c, s, out := e.ptySession(t)
	defer c.Close()
	waitOutput(t, out, "Win-back")
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a dashboard without input was not closed")
	}
	if !strings.Contains(out.String(), "closed after 1s without input") || !strings.Contains(e.logs.String(), "idle timeout") {
		t.Errorf("idle close not told or logged: %q", out.String()[max(0, len(out.String())-200):])
	}
}
