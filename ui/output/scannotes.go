package output

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/segdash/segdash/client/monitor"
)

// ScanPrefix starts a scan's stderr line: "segdash: ", and the workspace
// when several are scanned ("segdash: workspace us: ").
func ScanPrefix(named string) string {
	if named == "" {
		return "segdash: "
	}
	return "segdash: workspace " + SafeText(named) + ": "
}

// ScanStarting writes what a scan says before it starts, to w (stderr),
// each line starting with prefix: the warnings of its set-up, then its
// cost (ScanCost).
func ScanStarting(w io.Writer, prefix string, warnings []string, cost string) {
	for _, m := range warnings {
		fmt.Fprintln(w, prefix+"warning: "+SafeText(m))
	}
	fmt.Fprintln(w, prefix+cost)
}

// ScanProgress is a scan's progress callback on w when w is a terminal
// (nil elsewhere: cron and CI logs stay clean), and what ends it: end
// clears the line and says how far a scan that stopped early came.
func ScanProgress(w io.Writer, prefix string, terminal bool) (progress func(monitor.Progress), end func(*monitor.Report)) {
	if !terminal {
		return nil, func(*monitor.Report) {}
	}
	return ProgressLine(w, time.Now), func(rep *monitor.Report) {
		fmt.Fprint(w, ClearLine)
		if rep.Cancelled {
			fmt.Fprintf(w, "%sstopped: scanned %s of %s segments\n", prefix, Grouped(int64(rep.Done)), Grouped(int64(rep.Total)))
		}
	}
}

// RateWaitNotice returns a client.WithRateWaitNotice callback for a scan:
// once for each time it waits until, it says on w that the API answered
// 429 and until when the scan waits, and that nothing is given up for it
// (on a terminal, over the progress line, in one write). It is safe for
// concurrent use.
func RateWaitNotice(w io.Writer, prefix string, terminal bool, now func() time.Time) func(until time.Time) {
	var mu sync.Mutex
	var told time.Time
	return func(until time.Time) {
		until = until.Truncate(time.Second)
		mu.Lock()
		defer mu.Unlock()
		if until.Before(told.Add(time.Minute)) || until.Sub(now()) < 10*time.Second {
			return // told already (or within the minute), or a short backoff
		}
		told = until
		clear := ""
		if terminal {
			clear = ClearLine
		}
		fmt.Fprintf(w, "%s%srate limited (HTTP 429): waiting until %s UTC (in %s). No segment is given up for it; Ctrl+C stops and writes what came back.\n",
			clear, prefix, until.UTC().Format("15:04:05"), Until(until.Sub(now())))
	}
}
