package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

// scanFlags are the flags of `segdash scan`.
type scanFlags struct {
	length   int
	endingAt string
	format   string
	top      int
	sort     string
	tag      string
	watch    string
	filter   string
	// incidentMin is how many segments moving together make an incident.
	incidentMin int
	// output is the file to write (atomically) instead of stdout.
	output string
}

func (a *app) newScanCmd() *cobra.Command {
	f := &scanFlags{}
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
	fl := cmd.Flags()
	fl.IntVar(&f.length, "length", 0, "days of data, 1..365; past 100 days a request per 100-day chunk (default: length in the config file, else 30)")
	fl.SetAnnotation("length", ownFlag, []string{"true"})
	fl.StringVar(&f.endingAt, "ending-at", "", "end of the window (YYYY-MM-DD or an ISO-8601 time); the series ends the day before")
	fl.StringVar(&f.format, "format", "table", "output: "+strings.Join(output.ScanFormats(), ", "))
	fl.IntVar(&f.top, "top", 0, "rows per table section (default 10); for json and csv, the rows written (default all)")
	fl.StringVar(&f.sort, "sort", monitor.ByScore, "order of json and csv rows: "+strings.Join(monitor.SortOrders(), ", "))
	fl.StringVar(&f.tag, "tag", "", "scan only the segments with this tag")
	fl.StringVar(&f.watch, "watch", "", "scan only the segments of this watchlist")
	fl.StringVar(&f.filter, "filter", "", "scan only the segments whose name contains this text (case-insensitive)")
	fl.IntVar(&f.incidentMin, "incident-min", monitor.DefaultIncidentMin, "alerts of this many segments moving together (same day, same way) are one incident; at least 2")
	fl.StringVar(&f.output, "output", "", "write to this file, atomically (replaced only when complete), instead of stdout")
	return cmd
}

// validate checks the flags before anything is fetched.
func (f *scanFlags) validate(cmd *cobra.Command) (time.Time, error) {
	if err := client.CheckWindow(f.length); cmd.Flags().Changed("length") && err != nil {
		return time.Time{}, usageError("--length: %v", err)
	}
	if !slices.Contains(output.ScanFormats(), f.format) {
		return time.Time{}, usageError("--format %q: want %s", f.format, strings.Join(output.ScanFormats(), ", "))
	}
	if !slices.Contains(monitor.SortOrders(), f.sort) {
		return time.Time{}, usageError("--sort %q: want %s", f.sort, strings.Join(monitor.SortOrders(), ", "))
	}
	if f.incidentMin < 2 {
		return time.Time{}, usageError("--incident-min must be at least 2")
	}
	if f.top < 0 {
		return time.Time{}, usageError("--top must be 0 or more")
	}
	set := 0
	for _, s := range []string{f.tag, f.watch, f.filter} {
		if s != "" {
			set++
		}
	}
	if set > 1 {
		return time.Time{}, usageError("give at most one of --tag, --watch and --filter")
	}
	if f.endingAt == "" {
		return time.Time{}, nil
	}
	return parseEndingAt(f.endingAt)
}

func (a *app) runScan(cmd *cobra.Command, f *scanFlags) (err error) {
	defer func() { a.nagiosOnError(f.format, &err) }()
	ctx, cancel := cli.OneShotContext(cmd, a.requestTimeout)
	defer cancel()
	end, err := f.validate(cmd)
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
	defer cli.KeepMemoryLow(a.getenv, cli.ScanMemoryLimit, dashboardGCPercent)()
	if len(cfgs) > 1 {
		return a.scanWorkspaces(ctx, cmd, f, cfgs, end)
	}
	sum, rows, err := a.scanOne(ctx, cmd, f, cfgs[0], end, "")
	if err != nil {
		return err
	}
	result := scanResult(sum, rows)
	if f.format == "nagios" {
		n, exit := nagiosExit(ctx, output.NagiosScan(sum, rows, sum.Incidents), result)
		if err := a.writeScanOutput(f, n.Write); err != nil {
			return err
		}
		return exit
	}
	if err := a.writeScanOutput(f, func(w io.Writer) error {
		return output.WriteScan(w, f.format, sum, rows, f.top, terminalWidth(w, 0))
	}); err != nil {
		return err
	}
	return result
}

// writeScanOutput writes a scan with write: to stdout, or with --output
// to the file, atomically, so a reader (node_exporter's textfile
// collector) never sees half of it.
func (a *app) writeScanOutput(f *scanFlags, write func(io.Writer) error) error {
	if f.output == "" {
		return write(a.out)
	}
	if err := snapshot.WriteFileAtomic(f.output, 0o644, write); err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	return nil
}

// scanResult is a scan's exit outside the nagios format: an error when
// segments are missing, a breach when an alert that is not silenced fired.
func scanResult(sum output.ScanSummary, rows []monitor.Row) error {
	switch output.ScanExitCode(sum, rows) {
	case exitError:
		why := "could not be scanned"
		if sum.TimedOut {
			why = "were not scanned in time (--timeout)"
		}
		return fmt.Errorf("%s of %s segments %s (%s failed, %s not reached); the output covers the rest",
			count(sum.Missing()), count(sum.Total), why, count(sum.Failed), count(sum.Total-sum.Done))
	case exitBreach:
		return &codeError{code: exitBreach, err: fmt.Errorf("alerts fired")}
	}
	return nil
}

// scanOne scans one workspace over its own client and cache. named is the
// workspace's name when several are scanned (its stderr lines say which
// one they are about), else "".
func (a *app) scanOne(ctx context.Context, cmd *cobra.Command, f *scanFlags, cfg config.Config, end time.Time, named string) (output.ScanSummary, []monitor.Row, error) {
	be, err := connect(cfg, a.now, a.now, false)
	if err != nil {
		return output.ScanSummary{}, nil, err
	}
	defer be.Close()
	defer a.remember(cmd, cfg, be)()
	a.announce(cfg)
	length := f.length
	if !cmd.Flags().Changed("length") {
		length = cfg.Length
	}
	all, err := be.cache.Segments(ctx, 0, nil)
	if err != nil {
		return output.ScanSummary{}, nil, fmt.Errorf("listing segments: %w", err)
	}
	scope := monitor.Scope{Tag: f.tag, Watchlist: f.watch, Filter: f.filter}
	if f.watch != "" {
		wl, err := cfg.Watchlist(f.watch)
		if err != nil {
			return output.ScanSummary{}, nil, usageError("--watch: %v", err)
		}
		scope.Entries = wl.Segments
	}
	segs, scopeName, err := scope.Select(all)
	if err != nil {
		return output.ScanSummary{}, nil, usageError("%v", err)
	}
	o := monitor.ScanOptions{Length: length, EndingAt: end, Concurrency: cfg.Concurrency, Rules: cfg.Rules,
		Watchlists: client.WatchlistEntries(cfg.Watchlists), Now: a.now}
	warnings := monitor.UnmatchedAll(cfg.Rules, all, o.Watchlists)
	prefix := output.ScanPrefix(named)
	rate, known := be.cache.RateLimit()
	output.ScanStarting(a.errw, prefix, warnings, output.ScanCost(len(segs), monitor.Cost(be.cache, segs, o), rate, known))
	progress, stopped := output.ScanProgress(a.errw, prefix, isTerminal(a.errw))
	rep := monitor.Scan(ctx, be.cache, segs, o, progress)
	stopped(rep)
	// The silences of the config apply before anything is written.
	rows, incidents := rep.Settle(cfg.Silences, cfg.Workspace, client.DateOf(a.now()), f.incidentMin, f.sort)
	_, timedOut := cli.TimedOutOf(ctx)
	sum := output.SummaryOf(rep, scopeName, length, timedOut)
	sum.Warnings, sum.Incidents, sum.Workspace = warnings, incidents, cfg.Workspace
	return sum, rows, nil
}
