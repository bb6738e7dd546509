package cli

import "runtime/debug"

// ScanMemoryLimit is the soft memory limit of a scan: its live heap is
// about 10 MB for 10,000 segments, and the limit keeps the garbage
// collector's headroom near that (measured on demo-api with 10,260
// segments: 49 MB of RSS by default, 35 MB with it, the same wall time).
const ScanMemoryLimit = 20 << 20

// KeepMemoryLow makes the collector work harder while a command runs: a
// soft memory limit of limit bytes and a GOGC of gcPercent, each unless the
// environment (GOMEMLIMIT, GOGC, read with getenv) sets its own. It
// returns what puts the settings back.
func KeepMemoryLow(getenv func(string) string, limit int64, gcPercent int) (restore func()) {
	var undo []func()
	if getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(limit)
		undo = append(undo, func() { debug.SetMemoryLimit(old) })
	}
	if getenv("GOGC") == "" {
		old := debug.SetGCPercent(gcPercent)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}
