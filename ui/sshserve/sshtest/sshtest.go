// Package sshtest is the client side of tests of SSH servers on loopback
// (ui/sshserve and `segdash serve`): fresh keys, dialling, sessions with
// and without a terminal, and a buffer that tells when the output it
// gathers holds what the test waits for. Its waits end on events; their
// limits only detect hangs. Only tests import it.
package sshtest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// HangLimit is how long WaitOutput waits: a hang detector, generous under
// -race and load.
const HangLimit = 30 * time.Second

// Buffer is a buffer written by several goroutines that tells its readers
// when it grows.
type Buffer struct {
	mu   sync.Mutex
	b    bytes.Buffer
	wake chan struct{} // closed at the next write
}

// Write appends p and wakes the waiters.
func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wake != nil {
		close(s.wake)
		s.wake = nil
	}
	return s.b.Write(p)
}

// String is everything written so far.
func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// grown is closed at the next write.
func (s *Buffer) grown() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wake == nil {
		s.wake = make(chan struct{})
	}
	return s.wake
}

// WaitFor waits until ok holds of the buffer's text, looking at every
// write; false when it did not within limit (a hang detector).
func (s *Buffer) WaitFor(limit time.Duration, ok func(string) bool) bool {
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

// WaitOutput waits until out holds want; the test fails, showing out,
// when it did not within HangLimit.
func WaitOutput(t testing.TB, out *Buffer, want string) {
	t.Helper()
	if !out.WaitFor(HangLimit, func(s string) bool { return strings.Contains(s, want) }) {
		t.Fatalf("no %q in the session's output:\n%q", want, out.String())
	}
}

// NewSigner is a fresh ed25519 key.
func NewSigner(t testing.TB) gossh.Signer {
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

// WriteAuthorizedKeys writes an authorized_keys file at path that lets in
// each of signers (mode 0600).
func WriteAuthorizedKeys(t testing.TB, path string, signers ...gossh.Signer) {
	t.Helper()
	var b []byte
	for _, s := range signers {
		b = append(b, gossh.MarshalAuthorizedKey(s.PublicKey())...)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Dial logs in to the server at addr as user with signer, taking any host
// key.
func Dial(addr, user string, signer gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
}

// Shell opens a shell of c in an xterm-256color terminal of rows×cols,
// with nothing typed, and returns the session and its output (stdout and
// stderr).
func Shell(t testing.TB, c *gossh.Client, rows, cols int) (*gossh.Session, *Buffer) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out := &Buffer{}
	s.Stdout, s.Stderr = out, out
	s.Stdin = strings.NewReader("") // nothing typed
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	return s, out
}

// Run runs command in a session of c without a terminal and returns its
// output (stdout and stderr, as they came) and exit status.
func Run(t testing.TB, c *gossh.Client, command string) (string, int) {
	t.Helper()
	return RunWithEnv(t, c, nil, command)
}

// RunWithEnv is Run with the variables env sent before the command.
func RunWithEnv(t testing.TB, c *gossh.Client, env map[string]string, command string) (string, int) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for k, v := range env {
		if err := s.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	out := &Buffer{} // stdout and stderr are copied in by two goroutines
	s.Stdout, s.Stderr = out, out
	err = s.Run(command)
	var ee *gossh.ExitError
	switch {
	case errors.As(err, &ee):
		return out.String(), ee.ExitStatus()
	case err != nil:
		t.Fatalf("%.60s: %v", command, err)
	}
	return out.String(), 0
}
