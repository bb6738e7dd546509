package output

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
)

// WriteSilences prints silences as a table, each with where it holds
// (where[i]: "every workspace", "workspace eu") and marked active or
// expired on day today; file is the config file named when there are none.
func WriteSilences(w io.Writer, file string, silences []monitor.Silence, where []string, today client.Date) error {
	if len(silences) == 0 {
		_, err := fmt.Fprintf(w, "no silences in %s (segdash silence add writes one)\n", file)
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STATE\tSILENCES\tUNTIL\tHOLDS IN\tREASON")
	for i, s := range silences {
		state := "active"
		if s.Until.Before(today) {
			state = "expired"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", state, SilenceTarget(s), s.Until, where[i], SafeText(s.Reason))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s (today is %s, UTC)\n", monitor.SilenceSummary(silences, today), today)
	return err
}

// SilenceTarget says what s silences: `segment "Spike club"`.
func SilenceTarget(s monitor.Silence) string {
	switch {
	case s.Tag != "":
		return "tag " + strconv.Quote(SafeText(s.Tag))
	case s.Workspace != "":
		return "workspace " + SafeText(s.Workspace)
	}
	return "segment " + strconv.Quote(SafeText(s.Segment))
}

// WriteSilenceSaved says that s was written into the file at path, added
// or replacing one of the same target.
func WriteSilenceSaved(w io.Writer, path string, s monitor.Silence, replaced bool) error {
	verb := "added"
	if replaced {
		verb = "replaced"
	}
	_, err := fmt.Fprintf(w, "%s in %s: %s, %s\n", verb, path, SilenceTarget(s), SafeText(s.Text()))
	return err
}
