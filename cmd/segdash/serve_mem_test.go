package main

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/segdash/segdash/ui/sshserve"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// TestServeClampsHugeWindows: a client asking for a 1024×1024 window, then
// 2048×2048, gets a dashboard of at most the largest window the server
// budgets a session for; the memory a session may hold follows from that
// cap (see sshserve.SessionMemory), not from a heap measured here.
func TestServeClampsHugeWindows(t *testing.T) {
	e := startServe(t, nil)
	c, s, out := e.ptySessionSized(t, 1024, 1024)
	defer c.Close()
	defer s.Close()
	sshtest.WaitOutput(t, out, "Win-back")
	if err := s.WindowChange(2048, 2048); err != nil {
		t.Fatal(err)
	}
	mark := len(out.String())
	// A resize redraws every cell: wait for that frame, then look where
	// everything was drawn.
	if !out.WaitFor(30*time.Second, func(s string) bool { return len(s) > mark }) {
		t.Fatal("no frame after the resize")
	}
	// The renderer places text with cursor moves (CSI row;col H): the
	// furthest row and column it moves to are the size it drew for.
	rows, cols := 0, 0
	for _, m := range regexp.MustCompile(`\x1b\[(\d+);(\d+)H`).FindAllStringSubmatch(out.String(), -1) {
		row, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		rows, cols = max(rows, row), max(cols, col)
	}
	if cols == 0 || cols > sshserve.MaxWindowWidth || rows > sshserve.MaxWindowHeight {
		t.Errorf("drew up to row %d, column %d: the window was not clamped to %d×%d",
			rows, cols, sshserve.MaxWindowWidth, sshserve.MaxWindowHeight)
	}
}
