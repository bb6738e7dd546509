package output

// This file writes the JSON of `segdash scan`: one shape for one workspace
// or several, a flat `segments` list whose rows say their workspace.

import (
	"github.com/segdash/segdash/client/monitor"
)

// SchemaVersion is the version of the JSON documents of `check` and
// `scan` (their schema_version field). It changes only when a field is
// removed or changes meaning; new fields may come without it.
const SchemaVersion = 1

// WorkspaceLabel names a workspace in JSON and metrics: its name, or
// "default" for the unnamed one.
func WorkspaceLabel(name string) string {
	if name == "" {
		return "default"
	}
	return name
}

// scanCoverage is what a scan covered: the document's, adding up every
// workspace's, and each workspace's own.
type scanCoverage struct {
	Scope     string `json:"scope"`
	Length    int    `json:"length"`
	Through   string `json:"through"`
	Total     int    `json:"total"`
	Scanned   int    `json:"scanned"`
	Failed    int    `json:"failed"`
	Missing   int    `json:"missing"`
	Cancelled bool   `json:"cancelled"`
	TimedOut  bool   `json:"timed_out"`
}

// coverageOf is what sum covered.
func coverageOf(sum ScanSummary) scanCoverage {
	return scanCoverage{Scope: sum.Scope, Length: sum.Length, Through: sum.Through, Total: sum.Total, Scanned: sum.Done,
		Failed: sum.Failed, Missing: sum.Missing(), Cancelled: sum.Cancelled, TimedOut: sum.TimedOut}
}

// scanJSON is the document of `scan --format json`.
type scanJSON struct {
	SchemaVersion int `json:"schema_version"`
	scanCoverage
	// Partial is true when any segment is missing: the document does
	// not cover the whole scope.
	Partial    bool                `json:"partial"`
	Warnings   []string            `json:"warnings"`
	Workspaces []scanWorkspaceJSON `json:"workspaces"`
	Incidents  []scanIncidentJSON  `json:"incidents"`
	Segments   []scanRowJSON       `json:"segments"`
}

// scanWorkspaceJSON is one workspace's part of the scan.
type scanWorkspaceJSON struct {
	Workspace string `json:"workspace"`
	scanCoverage
	// Error is what stopped this workspace's scan, if anything did.
	Error string `json:"error,omitempty"`
}

// scanRowJSON is one segment: monitor.Row's fields and its workspace.
type scanRowJSON struct {
	Workspace string `json:"workspace"`
	monitor.Row
	// Length is the window in days, as check names it.
	Length int `json:"length"`
}

// scanIncidentJSON is one incident and its workspace.
type scanIncidentJSON struct {
	Workspace string `json:"workspace"`
	monitor.IncidentRow
}

// newScanJSON is the document of scans, each with its rows (at most top
// when top > 0).
func newScanJSON(scans []WorkspaceScan, top int) *scanJSON {
	out := &scanJSON{SchemaVersion: SchemaVersion, Warnings: []string{}, Workspaces: []scanWorkspaceJSON{},
		Incidents: []scanIncidentJSON{}, Segments: []scanRowJSON{}}
	for _, ws := range scans {
		label, sum := WorkspaceLabel(ws.Name), ws.Summary
		j := scanWorkspaceJSON{Workspace: label, scanCoverage: coverageOf(sum)}
		if ws.Err != nil {
			j.Error = ws.Err.Error()
		}
		out.Workspaces = append(out.Workspaces, j)
		if !ws.Scanned {
			continue
		}
		if out.Scope == "" {
			out.Scope, out.Length, out.Through = sum.Scope, sum.Length, sum.Through
		}
		out.Total += sum.Total
		out.Scanned += sum.Done
		out.Failed += sum.Failed
		out.Missing += sum.Missing()
		out.Cancelled = out.Cancelled || sum.Cancelled
		out.TimedOut = out.TimedOut || sum.TimedOut
		out.Warnings = append(out.Warnings, sum.Warnings...)
		for _, in := range sum.Incidents {
			out.Incidents = append(out.Incidents, scanIncidentJSON{Workspace: label, IncidentRow: in})
		}
		for _, r := range limit(ws.Rows, top) {
			out.Segments = append(out.Segments, scanRowJSON{Workspace: label, Row: r, Length: sum.Length})
		}
	}
	out.Partial = out.Missing > 0 || len(scans) == 0
	for _, ws := range scans {
		out.Partial = out.Partial || !ws.Scanned
	}
	return out
}
