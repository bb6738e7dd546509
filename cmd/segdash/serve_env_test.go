package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

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
	// serve saves what it learnt in the user cache dir (os.UserCacheDir
	// reads the process environment): a test's own, unless the test set
	// one of its own temporary directories already.
	if root := filepath.Dir(t.TempDir()); !strings.HasPrefix(os.Getenv("XDG_CACHE_HOME"), root) {
		t.Setenv("XDG_CACHE_HOME", t.TempDir())
	}
	api, env := apiEnv(t, brazetest.Options{})
	dir := t.TempDir()
	allowed := newSigner(t)
	ak := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(ak, gossh.MarshalAuthorizedKey(allowed.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	f := &serveFlags{HostKey: filepath.Join(dir, "host_key"), AuthorizedKeys: ak, MaxSessions: 32,
		IdleTimeout: time.Minute, ConnRate: 100, ConnBurst: 100, Handshake: 10 * time.Second, MaxUnauth: 32, MaxUnauthPerIP: 8}
	cfg := config.Config{Endpoint: env["BRAZE_REST_ENDPOINT"], APIKey: env["BRAZE_API_KEY"], Theme: "auto", Length: 30,
		Refresh: time.Minute, CacheTTL: 5 * time.Minute, Concurrency: 4}
	if mod != nil {
		mod(f, &cfg)
	}
	if err := f.Validate(); err != nil {
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

// run runs command in a session without a terminal and returns its output
// (stdout and stderr) and exit status.
func (e *sshEnv) run(t *testing.T, command string) (string, int) {
	t.Helper()
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
	err = s.Run(command)
	var ee *gossh.ExitError
	switch {
	case errors.As(err, &ee):
		return out.String() + errb.String(), ee.ExitStatus()
	case err != nil:
		t.Fatalf("%.60s: %v", command, err)
	}
	return out.String() + errb.String(), 0
}
