package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client/safe"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

// scanConfigs resolves the workspaces scan was asked for: one (the
// default), several --workspace flags, or all. Each has its own key,
// endpoint, client and cache; the file is read once, and every workspace
// selected from it shares it (config.Config.Select), so that `-w all`
// holds one copy of the workspaces, not one per workspace.
func (a *app) scanConfigs(cmd *cobra.Command) ([]config.Config, error) {
	names := workspaceFlag(cmd)
	if len(names) <= 1 && !slices.Contains(names, config.AllWorkspaces) {
		cfg, err := a.resolveConfig(cmd) // one workspace, resolved as every command resolves it
		return []config.Config{cfg}, err
	}
	base, err := a.resolveBase(cmd)
	if err != nil {
		return nil, err
	}
	if names, err = config.WorkspacesNamed(base, names); err != nil {
		return nil, usageError("%v", err)
	}
	if len(names) == 0 { // all of a file that names none
		cfg, err := a.resolveConfig(cmd)
		return []config.Config{cfg}, err
	}
	flags := a.configInput(cmd, "").Flags
	_, endpoint := flags["endpoint"]
	if _, key := flags["api-key-file"]; endpoint || key {
		// config.Resolve's error: they do not go with --workspace.
		_, err := a.resolveWorkspace(cmd, names[0])
		return nil, err
	}
	cfgs := make([]config.Config, len(names))
	for i, n := range names {
		cfg, err := base.Select(n)
		if err != nil {
			return nil, configError(err)
		}
		cfg.Sources["workspace"] = "flag --workspace"
		cfgs[i] = cfg
	}
	return cfgs, nil
}

// scanWorkspaces scans each workspace in turn and writes the scans
// grouped by workspace (output.WriteWorkspaceScans). The exit code is the
// worst.
func (a *app) scanWorkspaces(ctx context.Context, cmd *cobra.Command, f *scanFlags, cfgs []config.Config, end time.Time) error {
	if f.Format == "nagios" {
		return usageError("--format nagios is one status line of one workspace: give one --workspace")
	}
	var scans []output.WorkspaceScan
	worst := exitOK
	for _, cfg := range cfgs {
		ws := output.WorkspaceScan{Name: cfg.Workspace, Endpoint: cfg.Endpoint}
		sum, rows, err := a.scanOne(ctx, cmd, f, cfg, end, ws.Name)
		if err == nil {
			ws.Scanned, ws.Summary, ws.Rows = true, sum, rows
			err = scanResult(sum, rows)
		}
		code := exitCodeOf(err)
		if code == exitError {
			ws.Err = err
			fmt.Fprintln(a.errw, output.ScanPrefix(ws.Name)+safe.Text(err.Error()))
		}
		worst = max(worst, code)
		scans = append(scans, ws)
		if ctx.Err() != nil {
			break // Ctrl+C or --timeout: print what came back
		}
	}
	if err := a.writeScanOutput(f, func(w io.Writer) error {
		return output.WriteWorkspaceScans(w, f.Format, scans, f.Top, terminalWidth(w, 0))
	}); err != nil {
		return err
	}
	switch worst {
	case exitError:
		why := "not every workspace could be scanned completely"
		if t, ok := cli.TimedOutOf(ctx); ok {
			why = t.Error() + ": " + why
		}
		return &codeError{code: exitError, err: errors.New(why)}
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
