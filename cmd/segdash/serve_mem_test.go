package main

import (
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestServeViewersLeaveNoMemory opens ten dashboards, closes them, and
// checks that the heap goes back to what it was (give or take the shared
// cache's answers): a session's model, store and timers die with it.
func TestServeViewersLeaveNoMemory(t *testing.T) {
	e := startServe(t, nil)
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	goroutines := runtime.NumGoroutine()
	before := heap()
	var clients []*gossh.Client
	for range 10 {
		c, _, out := e.ptySession(t)
		waitOutput(t, out, "Win-back")
		clients = append(clients, c)
	}
	with := heap()
	for _, c := range clients {
		c.Close()
	}
	// Hang detector: the sessions end when their connections close. What
	// stays are the HTTP client's idle connections to the API, shared by all.
	sessionLeft := func() string {
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		for _, pkg := range []string{"charm.land/bubbletea", "segdash/ui", "charm.land/wish"} {
			if strings.Contains(stacks, pkg) {
				return stacks
			}
		}
		return ""
	}
	deadline := time.Now().Add(30 * time.Second)
	for sessionLeft() != "" && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	after := heap()
	t.Logf("heap: %.1f MB before, %.1f MB with 10 viewers, %.1f MB after they left; goroutines %d → %d",
		float64(before)/1e6, float64(with)/1e6, float64(after)/1e6, goroutines, runtime.NumGoroutine())
	if after > before+10<<20 {
		t.Errorf("the heap kept %.1f MB after every viewer left", float64(after-before)/1e6)
	}
	if stacks := sessionLeft(); stacks != "" {
		t.Errorf("a session's goroutine outlived it:\n%s", stacks)
	}
}
