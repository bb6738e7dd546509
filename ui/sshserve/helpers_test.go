package sshserve

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
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/ui"
)

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

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits, at every write, until ok holds of the text; false after
// 30 s (a hang detector).
func (s *syncBuffer) waitFor(ok func(string) bool) bool {
	deadline := time.NewTimer(30 * time.Second)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if s.wake == nil {
			s.wake = make(chan struct{})
		}
		grown, text := s.wake, s.b.String()
		s.mu.Unlock()
		if ok(text) {
			return true
		}
		select {
		case <-grown:
		case <-deadline.C:
			return false
		}
	}
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

// frameModel draws one line and quits on q.
type frameModel struct{}

func (frameModel) Init() tea.Cmd { return nil }
func (m frameModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "q" {
		return m, tea.Quit
	}
	return m, nil
}
func (frameModel) View() tea.View { return tea.NewView("segdash test frame") }

// testServer is a running server on loopback: one workspace, whose
// dashboard is frameModel, and an Exec that echoes its words.
type testServer struct {
	addr    string
	allowed gossh.Signer
	logs    *syncBuffer
	stop    context.CancelFunc
}

// startServer serves with the test's defaults, changed by mod.
func startServer(t *testing.T, mod func(*Config)) *testServer {
	t.Helper()
	dir := t.TempDir()
	e := &testServer{allowed: newSigner(t), logs: &syncBuffer{}}
	keys := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(keys, gossh.MarshalAuthorizedKey(e.allowed.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := Config{HostKey: newSigner(t), AuthorizedKeys: keys, Workspaces: []Workspace{{Name: "main"}},
		MaxSessions: 8, IdleTimeout: time.Minute, ConnRate: 100, ConnBurst: 100, HandshakeTimeout: 10 * time.Second,
		MaxUnauthenticated: 32, MaxUnauthenticatedPerIP: 8,
		Model: func(ui.Options) tea.Model { return frameModel{} },
		Exec: func(_ context.Context, ws string, args, _ []string, stdout, _ io.Writer) int {
			fmt.Fprintf(stdout, "%s: %d words\n", ws, len(args))
			return 0
		},
		Log: slog.New(slog.NewTextHandler(e.logs, nil))}
	if mod != nil {
		mod(&cfg)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	e.addr = ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	e.stop = cancel
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, cfg) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			buf := make([]byte, 1<<20)
			t.Errorf("the server did not stop:\n%s", buf[:runtime.Stack(buf, true)])
		}
	})
	return e
}

// dial logs in as user with signer.
func (e *testServer) dial(user string, signer gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", e.addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
}

// run runs command in a session of c and returns its output and exit
// status.
func run(t *testing.T, c *gossh.Client, command string) (string, int) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := &syncBuffer{}
	s.Stdout, s.Stderr = out, out
	err = s.Run(command)
	var ee *gossh.ExitError
	switch {
	case errors.As(err, &ee):
		return out.String(), ee.ExitStatus()
	case err != nil:
		t.Fatalf("%.40s: %v", command, err)
	}
	return out.String(), 0
}

// count is how many lines of the log hold s.
func (e *testServer) count(s string) int { return strings.Count(e.logs.String(), s) }
