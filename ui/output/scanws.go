package output

// This file writes a scan of several workspaces: a heading per workspace
// in the table, an object per workspace in JSON, a workspace column in
// CSV.

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/segdash/segdash/client/monitor"
)

// WorkspaceScan is one workspace's part of a scan of several.
type WorkspaceScan struct {
	// Name and Endpoint say which workspace it is.
	Name, Endpoint string
	// Scanned is false when the scan could not start (Summary and Rows
	// are then empty, and Err says why).
	Scanned bool
	Summary ScanSummary
	Rows    []monitor.Row
	// Err is what stopped the scan or left it incomplete; nil when it
	// covered every segment.
	Err error
}

// WriteWorkspaceScans writes scans in format (table, json, csv or
// prometheus: a Nagios status line is one workspace's): the table grouped
// by workspace, the others with a workspace in each row, each as WriteScan
// would with top and width.
func WriteWorkspaceScans(w io.Writer, format string, scans []WorkspaceScan, top, width int) error {
	switch format {
	case "json":
		return writeJSONDoc(w, newScanJSON(scans, top))
	case "prometheus":
		ms := make([]MetricsScan, 0, len(scans))
		for _, ws := range scans {
			m := MetricsOf(ws.Summary, ws.Rows)
			m.Workspace = WorkspaceLabel(ws.Name)
			ms = append(ms, m)
		}
		return WritePrometheus(w, ms)
	case "csv":
		return writeWorkspaceCSV(w, scans, top)
	case "table", "":
	default:
		return fmt.Errorf("format %q is not for several workspaces: use table, json, csv or prometheus", format)
	}
	for i, ws := range scans {
		var b strings.Builder
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "══ workspace %s · %s\n\n", SafeText(ws.Name), SafeText(ws.Endpoint))
		if !ws.Scanned && ws.Err != nil {
			fmt.Fprintf(&b, "not scanned: %s\n", SafeText(ws.Err.Error()))
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		if ws.Scanned {
			if err := writeScanTable(w, ws.Summary, ws.Rows, top, width); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeWorkspaceCSV writes one CSV with a workspace column first: the
// header once, then every workspace's rows.
func writeWorkspaceCSV(w io.Writer, scans []WorkspaceScan, top int) error {
	cw := csv.NewWriter(w)
	cw.Write(append([]string{"workspace"}, scanCSVHeader()...))
	for _, ws := range scans {
		for _, r := range limit(ws.Rows, top) {
			cw.Write(append([]string{CSVText(ws.Name)}, scanCSVRecord(r)...))
		}
	}
	cw.Flush()
	return cw.Error()
}
