package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/dash"
	"github.com/segdash/segdash/ui/output"
)

func (a *app) newScanCmd() *cobra.Command {
	f := &cli.ScanFlags{}
	cmd := &cobra.Command{
		Use:     "scan [flags]",
		Short:   "Scan the workspace: what changed, which segments broke, which alert rules fired",
		Long:    cli.ScanLong,
		Example: cli.ScanExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runScan(cmd, f)
		},
	}
	f.Register(cmd.Flags(), config.OwnFlag)
	return cmd
}

func (a *app) runScan(cmd *cobra.Command, f *cli.ScanFlags) (err error) {
	defer func() { cli.NagiosOnError(a.out, f.Format, &err) }()
	ctx, cancel := cli.OneShotContext(cmd, a.requestTimeout)
	defer cancel()
	end, err := f.Validate(cmd.Flags().Changed)
	if err != nil {
		return err
	}
	if err := a.checkEnd(end); err != nil {
		return err
	}
	cfgs, err := a.scanConfigs(cmd)
	if err != nil {
		return err
	}
	defer cli.KeepMemoryLow(a.getenv, cli.ScanMemoryLimit, dash.GCPercent)()
	if len(cfgs) > 1 {
		return a.scanWorkspaces(ctx, cmd, f, cfgs, end)
	}
	sum, rows, err := a.scanOne(ctx, cmd, f, cfgs[0], end, "")
	if err != nil {
		return err
	}
	result := cli.ScanResult(sum, rows)
	if f.Format == "nagios" {
		n, exit := cli.NagiosExit(ctx, output.NagiosScan(sum, rows, sum.Incidents), result)
		if err := a.writeScanOutput(f, n.Write); err != nil {
			return err
		}
		return exit
	}
	if err := a.writeScanOutput(f, func(w io.Writer) error {
		return output.WriteScan(w, f.Format, sum, rows, f.Top, cli.TerminalWidth(w, 0))
	}); err != nil {
		return err
	}
	return result
}

// writeScanOutput writes a scan with write: to stdout, or with --output
// to the file, atomically, so a reader (node_exporter's textfile
// collector) never sees half of it.
func (a *app) writeScanOutput(f *cli.ScanFlags, write func(io.Writer) error) error {
	if f.Output == "" {
		return write(a.out)
	}
	if err := snapshot.WriteFileAtomic(f.Output, 0o644, write); err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	return nil
}

// scanOne scans one workspace over its own client and cache. named is the
// workspace's name when several are scanned (its stderr lines say which
// one they are about), else "".
func (a *app) scanOne(ctx context.Context, cmd *cobra.Command, f *cli.ScanFlags, cfg config.Config, end time.Time, named string) (output.ScanSummary, []monitor.Row, error) {
	be, err := connect(cfg, a.now, a.now, false)
	if err != nil {
		return output.ScanSummary{}, nil, err
	}
	defer be.Close()
	defer a.remember(cmd, cfg, be)()
	a.announce(cfg)
	length := f.Length
	if !cmd.Flags().Changed("length") {
		length = cfg.Length
	}
	all, err := be.Cache.Segments(ctx, 0, nil)
	if err != nil {
		return output.ScanSummary{}, nil, fmt.Errorf("listing segments: %w", err)
	}
	scope := monitor.Scope{Tag: f.Tag, Watchlist: f.Watch, Filter: f.Filter}
	if f.Watch != "" {
		wl, err := cfg.Watchlist(f.Watch)
		if err != nil {
			return output.ScanSummary{}, nil, fmt.Errorf("--watch: %v", err)
		}
		scope.Entries = wl.Segments
	}
	segs, scopeName, err := scope.Select(all)
	if err != nil {
		return output.ScanSummary{}, nil, err
	}
	o := monitor.ScanOptions{Length: length, EndingAt: end, Concurrency: cfg.Concurrency, Rules: cfg.Rules,
		Watchlists: client.WatchlistEntries(cfg.Watchlists), Now: a.now}
	warnings := monitor.UnmatchedAll(cfg.Rules, all, o.Watchlists)
	prefix := output.ScanPrefix(named)
	rate, known := be.Cache.RateLimit()
	output.ScanStarting(a.errw, prefix, warnings, output.ScanCost(len(segs), monitor.Cost(be.Cache, segs, o), rate, known))
	terminal := cli.IsTerminal(a.errw)
	progress, stopped := output.ScanProgress(a.errw, prefix, terminal)
	waiting := output.RateWaitNotice(a.errw, prefix, terminal, a.now)
	rep := monitor.Scan(client.WithRateWaitNotice(ctx, waiting), be.Cache, segs, o, progress)
	stopped(rep)
	// The silences of the config apply before anything is written.
	rows, incidents := rep.Settle(cfg.Silences, cfg.Workspace, client.DateOf(a.now()), f.IncidentMin, f.Sort)
	_, timedOut := cli.TimedOutOf(ctx)
	sum := output.SummaryOf(rep, scopeName, length, timedOut)
	sum.Warnings, sum.Incidents, sum.Workspace = warnings, incidents, cfg.Workspace
	return sum, rows, nil
}
