package main

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/client/filetest"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/sshserve"
)

// notFiles makes the files the tester handed serve (filetest.Make): a
// FIFO, a symlink to /dev/zero, a directory and a sparse file of size
// bytes, each with the start of its refusal.
func notFiles(t *testing.T, size int64) map[string]string {
	t.Helper()
	n := filetest.Make(t, size)
	return map[string]string{
		n.FIFO:   "not a regular file (a FIFO)",
		n.Zero:   "not a regular file (a device)",
		n.Dir:    "not a regular file (a directory)",
		n.Sparse: "larger than",
	}
}

// TestServeAuthorizedKeysThatAreNoFiles: --authorized-keys naming a FIFO,
// /dev/zero, a directory or a sparse 1 GB file is refused at start, at
// once, naming the file and what is wrong (no hang, no 24 GB read).
func TestServeAuthorizedKeysThatAreNoFiles(t *testing.T) {
	for path, want := range notFiles(t, 1<<30) {
		f := &serveFlags{AuthorizedKeys: path, MaxSessions: 1, IdleTimeout: time.Minute, ConnRate: 1, ConnBurst: 1,
			Handshake: time.Second, MaxUnauth: 1, MaxUnauthPerIP: 1}
		err := f.Validate()
		if err == nil || !strings.HasPrefix(err.Error(), "--authorized-keys "+path+": "+want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
}

// TestServeHostKeyThatIsNoFile: a host key that is a FIFO, /dev/zero, a
// directory or too large stops serve at start with the file and why,
// before it listens to anyone.
func TestServeHostKeyThatIsNoFile(t *testing.T) {
	for path, want := range notFiles(t, sshserve.MaxHostKeySize+1) {
		a := &app{now: time.Now, getenv: func(string) string { return "" }}
		f := &serveFlags{HostKey: path, AllowAnyKey: true, MaxSessions: 1, IdleTimeout: time.Minute, ConnRate: 1, ConnBurst: 1,
			Handshake: time.Second, MaxUnauth: 1, MaxUnauthPerIP: 1}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			done <- a.serve(context.Background(), f, config.Config{Demo: true, Length: 30}, ln, slog.New(slog.DiscardHandler))
		}()
		select {
		case err := <-done:
			if err == nil || !strings.HasPrefix(err.Error(), "--host-key "+path+": "+want) {
				t.Errorf("%s: %v, want %q", path, err, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: serve did not stop", path)
		}
	}
}

// TestServeWorkspaceKeysFileTurnedIntoNoFile: a workspace's authorized_keys
// that is a FIFO or too large at login refuses that login and logs why;
// the server goes on serving the others.
func TestServeWorkspaceKeysFileTurnedIntoNoFile(t *testing.T) {
	e := startWorkspaceServe(t, true, false)
	for _, tc := range []struct {
		want string
		make func(path string) error
	}{
		{"not a regular file (a FIFO)", filetest.Mkfifo},
		{"larger than 1048576 bytes", func(p string) error {
			return os.WriteFile(p, bytes.Repeat(gossh.MarshalAuthorizedKey(e.euSigner.PublicKey()), 20_000), 0o600)
		}},
	} {
		os.Remove(e.euKeys)
		if err := tc.make(e.euKeys); err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.run(t, "eu", e.euSigner, "check x"); err == nil {
			t.Errorf("%s: eu let in", tc.want)
		}
		if logs := e.logs.String(); !strings.Contains(logs, tc.want) || !strings.Contains(logs, e.euKeys) {
			t.Errorf("%s: the refusal's reason was not logged:\n%s", tc.want, logs)
		}
		if _, code, err := e.run(t, "us", e.usSigner, "check --format spark "+tracked(e.us.h, 1)[0].ID); err != nil || code != 0 {
			t.Fatalf("%s: us after the refusal: %d %v", tc.want, code, err)
		}
	}
}
