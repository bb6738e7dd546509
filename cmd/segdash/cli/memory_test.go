package cli

import (
	"runtime/debug"
	"testing"
)

func TestKeepMemoryLow(t *testing.T) {
	before := debug.SetGCPercent(-1)
	debug.SetGCPercent(before)
	restore := KeepMemoryLow(func(k string) string { return map[string]string{"GOMEMLIMIT": "1GiB"}[k] }, ScanMemoryLimit, 37)
	if got := debug.SetGCPercent(37); got != 37 {
		t.Errorf("GOGC while running: %d", got)
	}
	restore()
	if got := debug.SetGCPercent(before); got != before {
		t.Errorf("GOGC after: %d, want %d", got, before)
	}
}
