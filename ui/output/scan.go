package output

// This file writes the answer of `segdash scan`: the movers table, JSON,
// CSV and a Nagios status line, over the rows of client/monitor.

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
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

// scanJSON is the document of `scan --format json`.
type scanJSON struct {
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
}

func newScanJSON(sum ScanSummary, rows []monitor.Row) *scanJSON {
	out := &scanJSON{sum.Scope, sum.Length, sum.Through, sum.Total, sum.Done, sum.Failed, sum.Missing(), sum.Cancelled, sum.Warnings, rows}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	if out.Segments == nil {
		out.Segments = []monitor.Row{}
	}
	return out
}

func writeScanJSON(w io.Writer, sum ScanSummary, rows []monitor.Row) error {
	return writeJSONDoc(w, newScanJSON(sum, rows))
}

// writeJSONDoc writes v as indented JSON, every control character escaped.
func writeJSONDoc(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(EscapeControls(b), '\n'))
	return err
}

func writeScanCSV(w io.Writer, rows []monitor.Row) error {
	cw := csv.NewWriter(w)
	cw.Write(scanCSVHeader())
	for _, r := range rows {
		cw.Write(scanCSVRecord(r))
	}
	cw.Flush()
	return cw.Error()
}

// scanCSVHeader names the columns of scanCSVRecord.
func scanCSVHeader() []string {
	return []string{"segment_id", "segment_name", "status", "date", "size", "day_change", "day_change_pct",
		"window_change", "window_change_pct", "anomaly", "score", "alerts"}
}

// scanCSVRecord is one row of the CSV of a scan.
func scanCSVRecord(r monitor.Row) []string {
	rec := []string{CSVText(r.SegmentID), CSVText(r.SegmentName), r.Status, "", "", "", "", "", "",
		strconv.FormatBool(r.Anomaly), strconv.FormatFloat(r.Score, 'f', 1, 64), CSVText(alertText(r.Alerts))}
	if r.Latest != nil {
		rec[3], rec[4] = r.Latest.Date, strconv.FormatInt(r.Latest.Size, 10)
	}
	rec[5], rec[6] = intCell(r.DayChange), pctCell(r.DayChangePct)
	rec[7], rec[8] = intCell(r.WindowChange), pctCell(r.WindowChangePct)
	return rec
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
