package output

import (
	"fmt"
	"io"
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
