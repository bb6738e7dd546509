package main

import (
	"context"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// sshEnv is a running `segdash serve` on loopback over a stand-in API.
type sshEnv struct {
	addr    string
	api     *brazetest.Handler
	allowed gossh.Signer
	stop    context.CancelFunc
	done    chan error
	logs    *sshtest.Buffer
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
	allowed := sshtest.NewSigner(t)
	ak := filepath.Join(dir, "authorized_keys")
	sshtest.WriteAuthorizedKeys(t, ak, allowed)
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
	e := &sshEnv{addr: ln.Addr().String(), api: api, allowed: allowed, stop: cancel, done: make(chan error, 1), logs: &sshtest.Buffer{}}
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

// dial logs in as tester with signer.
func (e *sshEnv) dial(t *testing.T, signer gossh.Signer) *gossh.Client {
	t.Helper()
	c, err := sshtest.Dial(e.addr, "tester", signer)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// ptySession opens a dashboard and returns a reader of everything it drew.
func (e *sshEnv) ptySession(t *testing.T) (*gossh.Client, *gossh.Session, *sshtest.Buffer) {
	t.Helper()
	return e.ptySessionSized(t, 40, 120)
}

// ptySessionSized is ptySession in a terminal of rows×cols.
func (e *sshEnv) ptySessionSized(t *testing.T, rows, cols int) (*gossh.Client, *gossh.Session, *sshtest.Buffer) {
	t.Helper()
	c := e.dial(t, e.allowed)
	s, out := sshtest.Shell(t, c, rows, cols)
	return c, s, out
}

// run runs command in a session without a terminal and returns its output
// (stdout and stderr) and exit status.
func (e *sshEnv) run(t *testing.T, command string) (string, int) {
	t.Helper()
	c := e.dial(t, e.allowed)
	defer c.Close()
	return sshtest.Run(t, c, command)
}
