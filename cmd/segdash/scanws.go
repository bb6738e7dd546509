package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

// allWorkspaces is the --workspace value that scans every workspace.
const allWorkspaces = "all"

// scanConfigs resolves the workspaces scan was asked for: one (the
// default), several --workspace flags, or all. Each has its own key,
// endpoint, client and cache.
func (a *app) scanConfigs(cmd *cobra.Command) ([]config.Config, error) {
	names := workspaceFlag(cmd)
	if len(names) <= 1 && !slices.Contains(names, allWorkspaces) {
		cfg, err := a.resolveConfig(cmd)
		return []config.Config{cfg}, err
	}
	base, err := a.resolveBase(cmd)
	if err != nil {
		return nil, err
	}
	if slices.Contains(names, allWorkspaces) {
		if len(names) > 1 {
			return nil, usageError("--workspace all scans every workspace: give it alone")
		}
		if names = base.WorkspaceNames(); len(names) == 0 {
			cfg, err := a.resolveConfig(cmd)
			return []config.Config{cfg}, err
		}
	}
	var cfgs []config.Config
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		cfg, err := a.resolveWorkspace(cmd, n)
		if err != nil {
			return nil, err
		}
		cfgs = append(cfgs, cfg)
	}
	return cfgs, nil
}

// workspaceScan is one workspace's scan, written into a buffer.
type workspaceScan struct {
	name string
	out  bytes.Buffer
	code int
	err  error
}

// scanWorkspaces scans each workspace in turn and groups the output by
// workspace: a heading per workspace in the table, an outer object per
// workspace in JSON, a workspace column in CSV. The exit code is the worst.
func (a *app) scanWorkspaces(cmd *cobra.Command, f *scanFlags, cfgs []config.Config, end time.Time) error {
	if f.format == "nagios" {
		return usageError("--format nagios is one status line of one workspace: give one --workspace")
	}
	scans := make([]*workspaceScan, len(cfgs))
	worst := exitOK
	for i, cfg := range cfgs {
		ws := &workspaceScan{name: cfg.Workspace}
		scans[i] = ws
		sum, rows, err := a.scanOne(cmd, f, cfg, end, ws.name)
		if err == nil {
			err = output.WriteScan(&ws.out, f.format, sum, rows, f.top, terminalWidth(a.out, 100))
		}
		if err == nil {
			err = scanResult(sum, rows)
		}
		ws.code = exitCodeOf(err)
		if ws.code == exitError {
			ws.err = err
			fmt.Fprintln(a.errw, scanPrefix(ws.name)+output.SafeText(err.Error()))
		}
		worst = max(worst, ws.code)
		if cmd.Context().Err() != nil {
			break // Ctrl+C: print what came back
		}
	}
	if err := writeWorkspaceScans(a.out, f.format, scans, cfgs); err != nil {
		return err
	}
	switch worst {
	case exitError:
		return &codeError{code: exitError, err: fmt.Errorf("not every workspace could be scanned completely")}
	case exitBreach:
		return &codeError{code: exitBreach, err: fmt.Errorf("alerts fired")}
	}
	return nil
}

// exitCodeOf is the exit code of err, without printing it.
func exitCodeOf(err error) int {
	var ce *codeError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ce) && ce.code == exitBreach:
		return exitBreach
	}
	return exitError
}

// writeWorkspaceScans writes the scans grouped by workspace.
func writeWorkspaceScans(w io.Writer, format string, scans []*workspaceScan, cfgs []config.Config) error {
	switch format {
	case "json":
		return writeWorkspaceJSON(w, scans)
	case "csv":
		return writeWorkspaceCSV(w, scans)
	}
	for i, ws := range scans {
		if ws == nil {
			continue
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "══ workspace %s · %s\n\n", output.SafeText(ws.name), output.SafeText(cfgs[i].Endpoint))
		if ws.err != nil && ws.out.Len() == 0 {
			fmt.Fprintf(w, "not scanned: %s\n", output.SafeText(ws.err.Error()))
		}
		if _, err := w.Write(ws.out.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// workspaceJSON is one workspace in the JSON of a scan of several: its
// name and its scan document (as `scan --format json` writes it), or the
// error that stopped it.
type workspaceJSON struct {
	Workspace string          `json:"workspace"`
	Scan      json.RawMessage `json:"scan"`
	Error     string          `json:"error,omitempty"`
}

func writeWorkspaceJSON(w io.Writer, scans []*workspaceScan) error {
	doc := struct {
		Workspaces []workspaceJSON `json:"workspaces"`
	}{Workspaces: []workspaceJSON{}}
	for _, ws := range scans {
		if ws == nil {
			continue
		}
		j := workspaceJSON{Workspace: ws.name, Scan: json.RawMessage("null")}
		if b := bytes.TrimSpace(ws.out.Bytes()); len(b) > 0 {
			j.Scan = b
		}
		if ws.err != nil {
			j.Error = ws.err.Error()
		}
		doc.Workspaces = append(doc.Workspaces, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// writeWorkspaceCSV writes one CSV with a workspace column first: the
// header once, then every workspace's rows.
func writeWorkspaceCSV(w io.Writer, scans []*workspaceScan) error {
	cw := csv.NewWriter(w)
	header := false
	for _, ws := range scans {
		if ws == nil || ws.out.Len() == 0 {
			continue
		}
		recs, err := csv.NewReader(bytes.NewReader(ws.out.Bytes())).ReadAll()
		if err != nil {
			return fmt.Errorf("workspace %s: %w", ws.name, err)
		}
		for i, r := range recs {
			if i == 0 {
				if header {
					continue
				}
				header = true
				r = append([]string{"workspace"}, r...)
			} else {
				r = append([]string{ws.name}, r...)
			}
			if err := cw.Write(r); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
