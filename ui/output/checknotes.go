package output

import (
	"fmt"
	"io"

	"github.com/segdash/segdash/client/check"
)

// WriteCheckNotes writes what a check has to say beside its answer, one
// line each, for stderr: its warnings, every breach, and every segment
// that could not be checked.
func WriteCheckNotes(w io.Writer, rep *check.Report) {
	for _, m := range rep.Warnings {
		fmt.Fprintln(w, "segdash: warning: "+m)
	}
	for _, r := range rep.Results {
		for _, b := range r.Breaches {
			fmt.Fprintf(w, "segdash: BREACH %s: %s\n", check.Describe(r.Segment), b)
		}
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(w, "segdash: cannot check: "+p)
	}
}
