package sshserve

// Largest window a session may ask for. A session's memory grows with the
// cells of its window (the renderer keeps two buffers of cells, and every
// frame is built as text of that size): measured, a dashboard holds about
// 24 MB of live heap at 500×200 cells, 9 MB at 300×100 and 5 MB at 250×80.
// A client asking for more gets a dashboard of this size.
const (
	MaxWindowWidth  = 300
	MaxWindowHeight = 100
)

// SessionMemory is the memory a dashboard session at the largest window
// is budgeted: BytesPerCell for each of its cells (measured: about 300).
const (
	BytesPerCell  = 320
	SessionMemory = MaxWindowWidth * MaxWindowHeight * BytesPerCell
)

// MemoryBudget is what maxSessions sessions at the largest window are
// budgeted, in bytes, beside the workspaces' shared caches.
func MemoryBudget(maxSessions int) int64 { return int64(maxSessions) * SessionMemory }

// clampWindow bounds a session's window size.
func clampWindow(w, h int) (int, int) {
	return min(max(w, 0), MaxWindowWidth), min(max(h, 0), MaxWindowHeight)
}
