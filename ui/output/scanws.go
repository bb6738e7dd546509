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

// WriteWorkspaceScans writes scans grouped by workspace in format (table,
// json or csv: a Nagios status line is one workspace's), each as WriteScan
// would with top and width.
func WriteWorkspaceScans(w io.Writer, format string, scans []WorkspaceScan, top, width int) error {
	switch format {
	case "json":
		return writeWorkspaceJSON(w, scans, top)
	case "csv":
		return writeWorkspaceCSV(w, scans, top)
	case "table", "":
	default:
		return fmt.Errorf("format %q is not for several workspaces: use table, json or csv", format)
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

// workspaceJSON is one workspace in the JSON of a scan of several: its
// name and its scan document (as `scan --format json` writes it; null when
// it could not start), or the error that stopped it.
type workspaceJSON struct {
	Workspace string    `json:"workspace"`
	Scan      *scanJSON `json:"scan"`
	Error     string    `json:"error,omitempty"`
}

func writeWorkspaceJSON(w io.Writer, scans []WorkspaceScan, top int) error {
	doc := struct {
		Workspaces []workspaceJSON `json:"workspaces"`
	}{Workspaces: []workspaceJSON{}}
	for _, ws := range scans {
		j := workspaceJSON{Workspace: ws.Name}
		if ws.Scanned {
			j.Scan = newScanJSON(ws.Summary, limit(ws.Rows, top))
		}
		if ws.Err != nil {
			j.Error = ws.Err.Error()
		}
		doc.Workspaces = append(doc.Workspaces, j)
	}
	return writeJSONDoc(w, doc)
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
