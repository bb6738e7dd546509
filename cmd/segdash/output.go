package main

import (
	"io"

	"github.com/segdash/segdash/client"

	"github.com/segdash/segdash/ui/output"
)

// writeCheck prints results in the chosen format; ui/output does the work.
func writeCheck(w io.Writer, getenv func(string) string, f *checkFlags, results []checkResult, problems []string) error {
	rs := make([]output.Result, len(results))
	for i, r := range results {
		rs[i] = output.Result{Segment: r.Segment, Breaches: r.Breaches}
		if r.Series != nil {
			rs[i].Points, rs[i].Length, rs[i].Warnings = r.Series.Points, r.Series.Length, r.Series.Warnings
		}
		if r.Previous != nil {
			rs[i].Previous = append([]client.Point{}, r.Previous.Points...) // not nil: compared
		}
	}
	if f.format == "nagios" {
		return output.WriteNagiosStatus(w, rs, problems) // one line, whatever happened
	}
	if len(rs) == 0 {
		return nil
	}
	return output.WriteFormat(w, f.format, rs, output.ColorProfile(w, getenv), terminalWidth(w, 80))
}
