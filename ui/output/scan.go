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
	"time"

	"github.com/segdash/segdash/client/monitor"
)

// ScanFormats are the formats of `scan`, in the order help lists them.
func ScanFormats() []string { return []string{"table", "json", "csv", "nagios", "prometheus"} }

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
	// TimedOut marks a scan stopped by --timeout (Cancelled is set too).
	TimedOut bool
	// Incidents are the alerts that are one event, grouped.
	Incidents []monitor.IncidentRow
	// Workspace is the workspace's name ("" for the unnamed one).
	Workspace string
	// Duration is how long the scan took; Finished when it ended.
	Duration time.Duration
	Finished time.Time
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
		return writeScanJSON(w, sum, rows, top)
	case "csv":
		return writeScanCSV(w, limit(rows, top))
	case "nagios":
		return NagiosScan(sum, rows, sum.Incidents).Write(w)
	case "prometheus":
		return WritePrometheus(w, []MetricsScan{MetricsOf(sum, rows)})
	}
	return fmt.Errorf("unknown format %q: use %s", format, strings.Join(ScanFormats(), ", "))
}

func limit(rows []monitor.Row, top int) []monitor.Row {
	if top > 0 && len(rows) > top {
		return rows[:top]
	}
	return rows
}

func writeScanJSON(w io.Writer, sum ScanSummary, rows []monitor.Row, top int) error {
	return writeJSONDoc(w, newScanJSON([]WorkspaceScan{{Name: sum.Workspace, Scanned: true, Summary: sum, Rows: rows}}, top))
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
		parts[i] = alertLine(a)
	}
	return strings.Join(parts, "; ")
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
