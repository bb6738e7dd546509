package sshserve

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

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
	logs    *sshtest.Buffer
	stop    context.CancelFunc
}

// startServer serves with the test's defaults, changed by mod.
func startServer(t *testing.T, mod func(*Config)) *testServer {
	t.Helper()
	dir := t.TempDir()
	e := &testServer{allowed: sshtest.NewSigner(t), logs: &sshtest.Buffer{}}
	keys := filepath.Join(dir, "authorized_keys")
	sshtest.WriteAuthorizedKeys(t, keys, e.allowed)
	cfg := Config{HostKey: sshtest.NewSigner(t), AuthorizedKeys: keys, Workspaces: []Workspace{{Name: "main"}},
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
	return sshtest.Dial(e.addr, user, signer)
}

// receive is the next value on ch; the test fails with why when none
// comes within sshtest.HangLimit (a hang detector).
func receive[T any](t *testing.T, ch <-chan T, why string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(sshtest.HangLimit):
		t.Fatal(why)
		var zero T
		return zero
	}
}

// count is how many lines of the log hold s.
func (e *testServer) count(s string) int { return strings.Count(e.logs.String(), s) }
