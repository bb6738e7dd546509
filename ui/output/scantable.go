package output

// This file writes the movers table of `segdash scan`.

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/segdash/segdash/client/monitor"
)

// scanHeadline is the first line of the table: what was scanned and how
// much is missing.
func scanHeadline(sum ScanSummary, rows []monitor.Row) string {
	off := 0
	for _, r := range rows {
		if r.Status == monitor.StatusTrackingOff {
			off++
		}
	}
	s := fmt.Sprintf("scan of %s: %s segment%s · %d days through %s · %s alerted",
		SafeText(sum.Scope), Grouped(int64(sum.Total)), plural(sum.Total), sum.Length, sum.Through, Grouped(int64(monitor.Fired(rows))))
	if n := len(sum.Incidents); n > 0 {
		s += " · " + Plural(n, "incident", "incidents")
	}
	if n := silencedRows(rows); n > 0 {
		s += fmt.Sprintf(" · %s silenced", Grouped(int64(n)))
	}
	if off > 0 {
		s += fmt.Sprintf(" · %s tracking off", Grouped(int64(off)))
	}
	if sum.Failed > 0 {
		s += fmt.Sprintf(" · %s failed", Grouped(int64(sum.Failed)))
	}
	if sum.Cancelled {
		why := "cancelled"
		if sum.TimedOut {
			why = "timed out"
		}
		s += fmt.Sprintf(" · %s: %s of %s not reached", why, Grouped(int64(sum.Total-sum.Done)), Grouped(int64(sum.Total)))
	}
	return s
}

// sections of the movers table: a title and the rows it holds, best first.
func scanSections(rows []monitor.Row, top int) (titles []string, sections [][]monitor.Row) {
	add := func(title string, keep func(monitor.Row) bool, by string, all bool) {
		var sel []monitor.Row
		for _, r := range rows {
			if keep(r) {
				sel = append(sel, r)
			}
		}
		monitor.SortRows(sel, by)
		if len(sel) > 0 {
			titles = append(titles, fmt.Sprintf("%s (%d)", title, len(sel)))
			if !all {
				sel = limit(sel, top)
			}
			sections = append(sections, sel)
		}
	}
	neg := func(v *int64) bool { return v != nil && *v < 0 }
	pos := func(v *int64) bool { return v != nil && *v > 0 }
	// Every alert is listed, whatever --top says: they are the news.
	add("ALERTS", func(r monitor.Row) bool { return len(r.Alerts) > 0 }, monitor.ByScore, true)
	add("FALLS · NEWEST DAY", func(r monitor.Row) bool { return neg(r.DayChange) }, monitor.ByDay, false)
	add("RISES · NEWEST DAY", func(r monitor.Row) bool { return pos(r.DayChange) }, monitor.ByDay, false)
	add("FALLS · WINDOW", func(r monitor.Row) bool { return neg(r.WindowChange) }, monitor.ByWindow, false)
	add("RISES · WINDOW", func(r monitor.Row) bool { return pos(r.WindowChange) }, monitor.ByWindow, false)
	add("FAILED", func(r monitor.Row) bool { return r.Status == monitor.StatusFailed }, monitor.ByName, true)
	return titles, sections
}

// writeScanTable writes the movers table in lines of at most width cells;
// width 0 (a file or a pipe) bounds nothing: every column is as wide as its
// widest cell and nothing is cut.
func writeScanTable(w io.Writer, sum ScanSummary, rows []monitor.Row, top, width int) error {
	if top <= 0 {
		top = 10
	}
	fit := func(s string, n int) string { return Truncate(s, n) }
	wrap := func(s string) []string { return Wrap(s, width) }
	if width <= 0 {
		fit = func(s string, _ int) string { return s }
		wrap = func(s string) []string { return []string{s} }
	} else {
		width = max(width, 40)
	}
	var b strings.Builder
	for _, l := range wrap(scanHeadline(sum, rows)) {
		b.WriteString(l + "\n")
	}
	for _, warn := range sum.Warnings {
		for _, l := range wrap("warning: " + SafeText(warn)) {
			b.WriteString(l + "\n")
		}
	}
	if len(sum.Incidents) > 0 {
		fmt.Fprintf(&b, "\nINCIDENTS (%d)\n", len(sum.Incidents))
		for _, in := range sum.Incidents {
			indent := "  "
			text := SafeText(in.Summary) + ": " + incidentNames(in)
			lines := []string{text}
			if width > 0 {
				lines = Wrap(text, width-4)
			}
			for _, l := range lines {
				b.WriteString(indent + l + "\n")
				indent = "    "
			}
		}
	}
	titles, sections := scanSections(rows, top)
	cols, nameW := scanColumns(sections, width)
	for i, sec := range sections {
		b.WriteString("\n" + titles[i] + "\n")
		head := "  " + PadRight("NAME", nameW)
		for _, c := range cols {
			head += "  " + PadLeft(c.title, c.width)
		}
		b.WriteString(head + "\n")
		for _, r := range sec {
			line := "  " + PadRight(rowName(r), nameW)
			for _, c := range cols {
				line += "  " + PadLeft(c.cell(r), c.width)
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			switch {
			case len(r.Alerts) > 0 && strings.HasPrefix(titles[i], "ALERTS"):
				for _, a := range r.Alerts {
					b.WriteString("    " + fit(SafeText(alertLine(a)), width-4) + "\n")
				}
			case r.Error != "":
				b.WriteString("    " + fit(SafeText(r.Error), width-4) + "\n")
			}
		}
	}
	if len(sections) == 0 {
		b.WriteString("\nno segment had data to compare\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// silencedRows counts the rows whose alerts are all silenced.
func silencedRows(rows []monitor.Row) int {
	n := 0
	for _, r := range rows {
		if len(r.Alerts) > 0 && len(monitor.Firing(r.Alerts)) == 0 {
			n++
		}
	}
	return n
}

// alertLine is an alert as the table and the CSV write it: "rule:
// reason", and "(silenced until DAY: why)" after a silenced one.
func alertLine(a monitor.Alert) string {
	s := a.Rule + ": " + a.Reason
	if a.Severity == monitor.Critical {
		s = "CRITICAL " + s
	}
	if a.Silenced != "" {
		s += " (" + a.Silenced + ")"
	}
	return s
}

// scanColumn is a column of the movers table after the name.
type scanColumn struct {
	title string
	width int
	cell  func(monitor.Row) string
}

// scanColumns lays out the columns after the name, and the name's width,
// for lines of width cells: on a narrow terminal WINDOW Δ gives way first,
// then SCORE (the name keeps 16 cells). Width 0 bounds nothing: each
// column is as wide as its widest cell.
func scanColumns(sections [][]monitor.Row, width int) ([]scanColumn, int) {
	cols := []scanColumn{
		{"SIZE", 11, sizeCell},
		{"DAY Δ", 15, func(r monitor.Row) string { return changeCell(r.DayChange, r.DayChangePct) }},
		{"WINDOW Δ", 15, func(r monitor.Row) string { return changeCell(r.WindowChange, r.WindowChangePct) }},
		{"SCORE", 6, scoreCell},
	}
	// A number is never cut: every column is at least as wide as its
	// widest cell; only names shorten to fit.
	nameW := 12
	for _, sec := range sections {
		for _, r := range sec {
			nameW = max(nameW, Width(rowName(r)))
			for i, c := range cols {
				cols[i].width = max(c.width, Width(c.cell(r)))
			}
		}
	}
	if width <= 0 {
		return cols, nameW
	}
	colsW := func() int {
		w := 0
		for _, c := range cols {
			w += 2 + c.width
		}
		return w
	}
	for _, drop := range []string{"WINDOW Δ", "SCORE"} {
		if width-2-colsW() >= 16 {
			break
		}
		cols = slices.DeleteFunc(cols, func(c scanColumn) bool { return c.title == drop })
	}
	return cols, max(12, width-2-colsW())
}

func rowName(r monitor.Row) string {
	if n := SafeText(r.SegmentName); n != "" {
		return n
	}
	return SafeText(r.SegmentID)
}

func sizeCell(r monitor.Row) string {
	if r.Latest == nil {
		return "—"
	}
	return Grouped(r.Latest.Size)
}

func changeCell(abs *int64, pct *float64) string {
	if abs == nil {
		return "—"
	}
	s := HumanCount(*abs)
	if *abs > 0 {
		s = "+" + s
	}
	if pct != nil {
		s += fmt.Sprintf(" %+.1f%%", *pct)
	}
	return s
}

func scoreCell(r monitor.Row) string {
	if r.Score == 0 {
		return ""
	}
	s := strconv.FormatFloat(r.Score, 'f', 1, 64)
	if r.Anomaly {
		s = "!" + s
	}
	return s
}
