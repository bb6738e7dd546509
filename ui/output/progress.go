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
	limit, remaining, of := 250_000, -1, "Braze's default hourly"
	if known && r.Limit > 0 {
		limit, remaining, of = r.Limit, r.Remaining, "the hourly"
	}
	s := fmt.Sprintf("scanning %s: %s, %s of %s %s", Plural(segments, "segment", "segments"),
		Plural(cost, "request", "requests"), BudgetShare(cost, limit), of, Grouped(int64(limit)))
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

// Until says how long a wait has left, to the minute: "under a minute",
// "53 min", "2 h 05 min".
func Until(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m < 1:
		return "under a minute"
	case m < 60:
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d h %02d min", m/60, m%60)
}
