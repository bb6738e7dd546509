package output

// This file writes the answer of `segdash scan`: the movers table, JSON,
// CSV and a Nagios status line, over the rows of client/monitor.

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/segdash/segdash/client/monitor"
)

// ScanFormats are the formats of `scan`, in the order help lists them.
func ScanFormats() []string { return []string{"table", "json", "csv", "nagios"} }

// ScanSummary is what a scan covered, for the outputs' headers.
type ScanSummary struct {
	// Scope says what was scanned ("all segments", "tag vip", ...).
	Scope string
	// Length is the window in days; Through the newest day it reaches.
	Length  int
	Through string
	// Total, Done and Failed count segments; Cancelled marks a scan
	// stopped early.
	Total, Done, Failed int
	Cancelled           bool
	// Warnings are problems of the scan's set-up that do not stop it, such
	// as alert rules whose targets match no segment.
	Warnings []string
}

// Missing is how many segments have no answer (not reached or failed).
func (s ScanSummary) Missing() int { return s.Total - s.Done + s.Failed }

// WriteScan writes rows in format (one of ScanFormats); top bounds each
// table section (0: 10) and, for json and csv, the rows written when
// positive; width bounds the table's lines.
func WriteScan(w io.Writer, format string, sum ScanSummary, rows []monitor.Row, top, width int) error {
	switch format {
	case "table", "":
		return writeScanTable(w, sum, rows, top, width)
	case "json":
		return writeScanJSON(w, sum, limit(rows, top))
	case "csv":
		return writeScanCSV(w, limit(rows, top))
	case "nagios":
		return writeScanNagios(w, sum, rows)
	}
	return fmt.Errorf("unknown format %q: use %s", format, strings.Join(ScanFormats(), ", "))
}

func limit(rows []monitor.Row, top int) []monitor.Row {
	if top > 0 && len(rows) > top {
		return rows[:top]
	}
	return rows
}

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
	if off > 0 {
		s += fmt.Sprintf(" · %s tracking off", Grouped(int64(off)))
	}
	if sum.Failed > 0 {
		s += fmt.Sprintf(" · %s failed", Grouped(int64(sum.Failed)))
	}
	if sum.Cancelled {
		s += fmt.Sprintf(" · cancelled: %s of %s not reached", Grouped(int64(sum.Total-sum.Done)), Grouped(int64(sum.Total)))
	}
	return s
}

func writeScanJSON(w io.Writer, sum ScanSummary, rows []monitor.Row) error {
	out := struct {
		Scope     string        `json:"scope"`
		Length    int           `json:"length"`
		Through   string        `json:"through"`
		Total     int           `json:"total"`
		Scanned   int           `json:"scanned"`
		Failed    int           `json:"failed"`
		Missing   int           `json:"missing"`
		Cancelled bool          `json:"cancelled"`
		Warnings  []string      `json:"warnings"`
		Segments  []monitor.Row `json:"segments"`
	}{sum.Scope, sum.Length, sum.Through, sum.Total, sum.Done, sum.Failed, sum.Missing(), sum.Cancelled, sum.Warnings, rows}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	if out.Segments == nil {
		out.Segments = []monitor.Row{}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(EscapeControls(b), '\n'))
	return err
}

func writeScanCSV(w io.Writer, rows []monitor.Row) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"segment_id", "segment_name", "status", "date", "size", "day_change", "day_change_pct",
		"window_change", "window_change_pct", "anomaly", "score", "alerts"})
	for _, r := range rows {
		rec := []string{CSVText(r.SegmentID), CSVText(r.SegmentName), r.Status, "", "", "", "", "", "",
			strconv.FormatBool(r.Anomaly), strconv.FormatFloat(r.Score, 'f', 1, 64), CSVText(alertText(r.Alerts))}
		if r.Latest != nil {
			rec[3], rec[4] = r.Latest.Date, strconv.FormatInt(r.Latest.Size, 10)
		}
		rec[5], rec[6] = intCell(r.DayChange), pctCell(r.DayChangePct)
		rec[7], rec[8] = intCell(r.WindowChange), pctCell(r.WindowChangePct)
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

func intCell(v *int64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatInt(*v, 10)
}

func pctCell(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', 2, 64)
}

// alertText joins alerts as "rule: reason; rule: reason".
func alertText(alerts []monitor.Alert) string {
	parts := make([]string, len(alerts))
	for i, a := range alerts {
		parts[i] = a.Rule + ": " + a.Reason
	}
	return strings.Join(parts, "; ")
}

// writeScanNagios writes the Nagios plugin status: OK when nothing fired,
// WARNING when a rule or an anomaly fired, CRITICAL when segments could not
// be scanned, matching scan's exit codes 0, 1 and 2.
func writeScanNagios(w io.Writer, sum ScanSummary, rows []monitor.Row) error {
	var fired []string
	for _, r := range rows {
		for _, a := range r.Alerts {
			fired = append(fired, SafeText(r.SegmentName)+": "+SafeText(a.Rule+" - "+a.Reason))
		}
	}
	status, msg := "OK", fmt.Sprintf("%d segment%s scanned, nothing fired", sum.Done-sum.Failed, plural(sum.Done-sum.Failed))
	switch {
	case sum.Missing() > 0:
		status, msg = "CRITICAL", fmt.Sprintf("%d of %d segments could not be scanned", sum.Missing(), sum.Total)
		if len(fired) > 0 {
			msg += "; " + strings.Join(fired, "; ")
		}
	case len(fired) > 0:
		status, msg = "WARNING", strings.Join(fired, "; ")
	}
	anomalies := 0
	for _, r := range rows {
		if r.Anomaly {
			anomalies++
		}
	}
	_, err := fmt.Fprintf(w, "SEGDASH %s - %s | alerted=%d;1 anomalies=%d scanned=%d;;;0;%d failed=%d missing=%d\n",
		status, nagiosText(msg), monitor.Fired(rows), anomalies, sum.Done-sum.Failed, sum.Total, sum.Failed, sum.Missing())
	return err
}

// ScanExitCode is scan's exit status for rows: 0 nothing fired, 1 a rule
// or an anomaly fired, 2 segments could not be scanned.
func ScanExitCode(sum ScanSummary, rows []monitor.Row) int {
	switch {
	case sum.Missing() > 0:
		return 2
	case monitor.Fired(rows) > 0:
		return 1
	}
	return 0
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

func writeScanTable(w io.Writer, sum ScanSummary, rows []monitor.Row, top, width int) error {
	if top <= 0 {
		top = 10
	}
	width = max(width, 40)
	var b strings.Builder
	for _, l := range Wrap(scanHeadline(sum, rows), width) {
		b.WriteString(l + "\n")
	}
	for _, warn := range sum.Warnings {
		for _, l := range Wrap("warning: "+SafeText(warn), width) {
			b.WriteString(l + "\n")
		}
	}
	titles, sections := scanSections(rows, top)
	// The columns after the name, in the order they give way on a narrow
	// terminal: WINDOW Δ first, then SCORE (the name keeps 16 cells).
	type col struct {
		title string
		width int
		cell  func(monitor.Row) string
	}
	cols := []col{
		{"SIZE", 11, sizeCell},
		{"DAY Δ", 15, func(r monitor.Row) string { return changeCell(r.DayChange, r.DayChangePct) }},
		{"WINDOW Δ", 15, func(r monitor.Row) string { return changeCell(r.WindowChange, r.WindowChangePct) }},
		{"SCORE", 6, scoreCell},
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
		cols = slices.DeleteFunc(cols, func(c col) bool { return c.title == drop })
	}
	nameW := max(12, width-2-colsW())
	for i, sec := range sections {
		b.WriteString("\n" + titles[i] + "\n")
		head := "  " + PadRight("NAME", nameW)
		for _, c := range cols {
			head += "  " + PadLeft(c.title, c.width)
		}
		b.WriteString(head + "\n")
		for _, r := range sec {
			line := "  " + PadRight(Truncate(rowName(r), nameW), nameW)
			for _, c := range cols {
				line += "  " + PadLeft(c.cell(r), c.width)
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			switch {
			case len(r.Alerts) > 0 && strings.HasPrefix(titles[i], "ALERTS"):
				for _, a := range r.Alerts {
					b.WriteString("    " + Truncate(SafeText(a.Rule+": "+a.Reason), width-4) + "\n")
				}
			case r.Error != "":
				b.WriteString("    " + Truncate(SafeText(r.Error), width-4) + "\n")
			}
		}
	}
	if len(sections) == 0 {
		b.WriteString("\nno segment had data to compare\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
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

// BudgetShare writes cost as a share of an hourly limit: "4%", "<1%".
func BudgetShare(cost, limit int) string {
	switch {
	case cost <= 0 || limit <= 0:
		return "0%"
	case cost*100 < limit:
		return "<1%"
	}
	return fmt.Sprintf("%.0f%%", float64(cost)/float64(limit)*100)
}
