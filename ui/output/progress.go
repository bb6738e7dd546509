package output

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
)

// ScanCost states what a scan will cost before it starts: requests, and
// their share of the workspace's hourly budget (r, when known; else
// Braze's default of 250,000).
func ScanCost(segments, cost int, r client.Rate, known bool) string {
	limit, remaining := 250_000, -1
	if known && r.Limit > 0 {
		limit, remaining = r.Limit, r.Remaining
	}
	s := fmt.Sprintf("scanning %s: %s, %s of the hourly %s", Plural(segments, "segment", "segments"),
		Plural(cost, "request", "requests"), BudgetShare(cost, limit), Grouped(int64(limit)))
	if remaining >= 0 {
		s += fmt.Sprintf(" (%s left this hour)", Grouped(int64(remaining)))
	}
	return s
}

// ProgressLine returns a scan's progress callback that redraws one line
// on w (a terminal), at most every 100 ms by now, and always at the end.
// It is safe to call from the scan's workers.
func ProgressLine(w io.Writer, now func() time.Time) func(monitor.Progress) {
	var mu sync.Mutex
	var last time.Time
	return func(p monitor.Progress) {
		mu.Lock()
		defer mu.Unlock()
		if t := now(); t.Sub(last) < 100*time.Millisecond && p.Done < p.Total {
			return
		}
		last = now()
		fmt.Fprintf(w, "\r\x1b[Kscanned %s of %s", Grouped(int64(p.Done)), Grouped(int64(p.Total)))
	}
}

// ClearLine erases the progress line ProgressLine drew.
const ClearLine = "\r\x1b[K"
