package sshserve

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segdash/segdash/client/clienttest"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// sleeps records the delays of failed authentications and returns at once.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(_ context.Context, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.d = append(s.d, d)
}

func (s *sleeps) take() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.d
	s.d = nil
	return d
}

// TestLongUserNamesAreCutInTheLog: a 32,000-byte user name, refused or
// let in, reaches the log cut to 64 bytes.
func TestLongUserNamesAreCutInTheLog(t *testing.T) {
	e := startServer(t, nil)
	long := strings.Repeat("u", 32_000)
	if _, err := e.dial(long, sshtest.NewSigner(t)); err == nil {
		t.Fatal("an unknown key got in")
	}
	c, err := e.dial(long, e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if out, code := sshtest.Run(t, c, "check x"); code != 0 || !strings.Contains(out, "main: 2 words") {
		t.Fatalf("exit %d: %s", code, out)
	}
	e.logs.WaitFor(sshtest.HangLimit, func(s string) bool { return strings.Contains(s, "msg=disconnect") })
	logs := e.logs.String()
	if strings.Contains(logs, strings.Repeat("u", maxLoggedUser+1)) || !strings.Contains(logs, "(32000 bytes)") {
		t.Errorf("the user name was not cut in the log:\n%.2000s", logs)
	}
	if len(logs) > 8<<10 {
		t.Errorf("two logins wrote %d bytes of log", len(logs))
	}
}

// TestFailedAuthenticationsWaitLonger: after five free failures, each
// failed authentication from one address waits twice as long as the one
// before, up to maxDelay; a success forgets the failures, and so does a
// minute without one.
func TestFailedAuthenticationsWaitLonger(t *testing.T) {
	clock := clienttest.NewClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	slept := &sleeps{}
	e := startServer(t, func(c *Config) { c.Now, c.Sleep = clock.Now, slept.sleep })
	stranger := sshtest.NewSigner(t)
	fail := func(n int) {
		for range n {
			if _, err := e.dial("main", stranger); err == nil {
				t.Fatal("an unknown key got in")
			}
		}
	}
	fail(9)
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond}
	if got := slept.take(); !equalDurations(got, want) {
		t.Errorf("delays of 9 failures: %v, want %v", got, want)
	}
	c, err := e.dial("main", e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	fail(6)
	if got := slept.take(); !equalDurations(got, want[:1]) {
		t.Errorf("after a success: %v, want %v", got, want[:1])
	}
	clock.Advance(forgetFailures + time.Second)
	fail(5)
	if got := slept.take(); len(got) != 0 {
		t.Errorf("a minute later: %v, want none", got)
	}
	if d := failureDelay(100); d != maxDelay {
		t.Errorf("the 100th failure waits %v, want %v", d, maxDelay)
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRepeatedRefusalsAreLoggedOnceWithACount: 20 refused keys from one
// address in 10 s log one line; the next after that says how many were
// left out.
func TestRepeatedRefusalsAreLoggedOnceWithACount(t *testing.T) {
	clock := clienttest.NewClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	e := startServer(t, func(c *Config) { c.Now, c.Sleep = clock.Now, (&sleeps{}).sleep })
	stranger := sshtest.NewSigner(t)
	for range 20 {
		if _, err := e.dial("main", stranger); err == nil {
			t.Fatal("an unknown key got in")
		}
	}
	if n := e.count("refused key"); n != 1 {
		t.Errorf("20 refusals logged %d lines, want 1", n)
	}
	clock.Advance(logRepeatEvery)
	if _, err := e.dial("main", stranger); err == nil {
		t.Fatal("an unknown key got in")
	}
	if n := e.count("refused key"); n != 2 || !strings.Contains(e.logs.String(), "repeats_not_logged=19") {
		t.Errorf("after 10 s: %d lines, want 2 with the count of 19:\n%s", n, e.logs.String())
	}
}

// TestHugeCommandIsRefusedBeforeItIsLogged: an exec of 30,000 words is
// refused with exit 2, is never run, and the log holds only its size.
func TestHugeCommandIsRefusedBeforeItIsLogged(t *testing.T) {
	e := startServer(t, nil)
	c, err := e.dial("main", e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	out, code := sshtest.Run(t, c, "check"+strings.Repeat(" x", 30_000))
	if code != ExitRefused || !strings.Contains(out, "too long (30001 words") || strings.Contains(out, "main:") {
		t.Errorf("exit %d: %.200s", code, out)
	}
	logs := e.logs.String()
	if !strings.Contains(logs, "refused: command too long") || strings.Contains(logs, "msg=connect") || len(logs) > 4<<10 {
		t.Errorf("the log:\n%.2000s", logs)
	}
	// A command of a fair size still runs.
	if out, code := sshtest.Run(t, c, "check"+strings.Repeat(" x", 200)); code != 0 || !strings.Contains(out, "main: 201 words") {
		t.Errorf("a 201-word command: exit %d: %s", code, out)
	}
}
