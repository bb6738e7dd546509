package main

import (
	"context"
	"errors"
	"io"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client/monitor"
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
	names := config.WorkspaceFlag(cmd.Flag)
	if len(names) <= 1 && !slices.Contains(names, config.AllWorkspaces) {
		cfg, err := a.resolveConfig(cmd) // one workspace, resolved as every command resolves it
		return []config.Config{cfg}, err
	}
	base, err := a.resolveBase(cmd)
	if err != nil {
		return nil, err
	}
	if names, err = config.WorkspacesNamed(base, names); err != nil {
		return nil, err
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

// scanWorkspaces scans each workspace in turn (cli.ScanEach) and writes
// the scans grouped by workspace (output.WriteWorkspaceScans). The exit
// code is the worst.
func (a *app) scanWorkspaces(ctx context.Context, cmd *cobra.Command, f *cli.ScanFlags, cfgs []config.Config, end time.Time) error {
	if f.Format == "nagios" {
		return errors.New("--format nagios is one status line of one workspace: give one --workspace")
	}
	scans := make([]output.WorkspaceScan, len(cfgs))
	for i, cfg := range cfgs {
		scans[i] = output.WorkspaceScan{Name: cfg.Workspace, Endpoint: cfg.Endpoint}
	}
	scans, result := cli.ScanEach(ctx, a.errw, scans, func(i int) (output.ScanSummary, []monitor.Row, error) {
		return a.scanOne(ctx, cmd, f, cfgs[i], end, cfgs[i].Workspace)
	})
	if err := a.writeScanOutput(f, func(w io.Writer) error {
		return output.WriteWorkspaceScans(w, f.Format, scans, f.Top, cli.TerminalWidth(w, 0))
	}); err != nil {
		return err
	}
	return result
}
