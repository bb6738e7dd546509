package output

import (
	"io"

	"github.com/charmbracelet/colorprofile"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/monitor"
)

// CheckResults are a check's results as the writers take them.
func CheckResults(rep *check.Report) []Result {
	rs := make([]Result, len(rep.Results))
	for i, r := range rep.Results {
		rs[i] = Result{Workspace: rep.Workspace, Segment: r.Segment, Breaches: []string{}, Alerts: []monitor.Alert{}}
		for _, b := range r.Breaches {
			rs[i].Breaches = append(rs[i].Breaches, b.String())
			rs[i].Alerts = append(rs[i].Alerts, b.Alert())
		}
		if r.Series != nil {
			rs[i].Points, rs[i].Length, rs[i].Warnings = r.Series.Points, r.Series.Length, r.Series.Warnings
		}
		if r.Previous != nil {
			rs[i].Previous = append([]client.Point{}, r.Previous.Points...) // not nil: compared
		}
	}
	return rs
}

// WriteCheck writes a check's report in format (one of Formats): the
// Nagios status line whatever happened, else the results checked, if any.
func WriteCheck(w io.Writer, format string, rep *check.Report, p colorprofile.Profile, width int) error {
	rs := CheckResults(rep)
	if format == "nagios" {
		return NagiosCheck(rs, rep.Problems, rep.Thresholds).Write(w)
	}
	if len(rs) == 0 {
		return nil
	}
	return WriteFormat(w, format, rs, p, width)
}
