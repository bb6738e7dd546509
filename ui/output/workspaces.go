package output

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WorkspaceRow is one line of `segdash workspaces`: never the key, only
// where it comes from.
type WorkspaceRow struct {
	Name, Endpoint, KeyFrom string
	// Default marks the default workspace.
	Default bool
	// Answer is what the key's probe answered; "" when not probed.
	Answer string
}

// WriteWorkspaces writes rows as a table, with an ANSWER column when
// probed.
func WriteWorkspaces(w io.Writer, rows []WorkspaceRow, probed bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	head := "WORKSPACE\tENDPOINT\tKEY FROM"
	if probed {
		head += "\tANSWER"
	}
	fmt.Fprintln(tw, head)
	for _, r := range rows {
		name := r.Name
		if r.Default {
			name += " (default)"
		}
		line := SafeText(name) + "\t" + SafeText(r.Endpoint) + "\t" + SafeText(r.KeyFrom)
		if probed {
			line += "\t" + SafeText(r.Answer)
		}
		fmt.Fprintln(tw, line)
	}
	return tw.Flush()
}
