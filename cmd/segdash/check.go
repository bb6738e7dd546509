package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

// checkFlags are the flags of `segdash check`.
type checkFlags struct {
	length   int
	watch    string
	endingAt string
	format   string
	min      int64
	maxDrop  float64
	critMin  int64
	critDrop float64
	rules    bool
	compare  string
}

// backendFunc gives check its configuration and client: resolved and new
// for a local check, or the SSH server's own and shared. release is called
// when check is done.
type backendFunc func(cmd *cobra.Command) (be *backend, cfg config.Config, release func(), err error)

// localBackend resolves the configuration and connects, for a local check.
func (a *app) localBackend() backendFunc {
	return func(cmd *cobra.Command) (*backend, config.Config, func(), error) {
		cfg, err := a.resolveConfig(cmd)
		if err != nil {
			return nil, cfg, nil, err
		}
		be, err := connect(cfg, a.now, a.now, false)
		if err != nil {
			return nil, cfg, nil, err
		}
		save := a.remember(cmd, cfg, be)
		return be, cfg, func() { save(); be.Close() }, nil
	}
}

func (a *app) newCheckCmd() *cobra.Command {
	return a.newCheckCommand(a.localBackend())
}

// newCheckCommand is `check` over the given backend.
func (a *app) newCheckCommand(get backendFunc) *cobra.Command {
	f := &checkFlags{}
	cmd := &cobra.Command{
		Use:     "check [flags] SEGMENT...",
		Short:   "Print segment sizes once and exit; thresholds for scripts and monitoring",
		Long:    cli.CheckLong,
		Example: cli.CheckExample,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runCheck(cmd, get, f, args)
		},
	}
	fl := cmd.Flags()
	// No flag default: the config file's length applies unless --length is
	// given, and the help says so once.
	fl.IntVar(&f.length, "length", 0, "days of data, 1..365; past 100 days a request per 100-day chunk (default: length in the config file, else 30)")
	fl.SetAnnotation("length", ownFlag, []string{"true"})
	fl.StringVar(&f.watch, "watch", "", "check the segments of this watchlist from the config file (as well as any SEGMENT)")
	fl.StringVar(&f.endingAt, "ending-at", "", "end of the window (YYYY-MM-DD or an ISO-8601 time); the series ends the day before")
	fl.StringVar(&f.format, "format", "chart", "output: "+strings.Join(output.Formats(), ", "))
	fl.Int64Var(&f.min, "min", 0, "breach when a segment's latest size is below this")
	fl.Float64Var(&f.maxDrop, "max-drop", 0, "breach when a segment fell more than this percent over the window")
	fl.Int64Var(&f.critMin, "critical-min", 0, "a critical breach when a segment's latest size is below this (at most --min)")
	fl.Float64Var(&f.critDrop, "critical-max-drop", 0, "a critical breach when a segment fell more than this percent over the window (at least --max-drop)")
	fl.StringVar(&f.compare, "compare", "", "add the previous period (same length, ending where this one starts) to the chart, json and csv: previous")
	fl.BoolVar(&f.rules, "rules", false, "evaluate the config file's alert rules for these segments; a rule that fires is a breach")
	return cmd
}

// thresholds are the limits given: each nil unless its flag was.
func (f *checkFlags) thresholds(changed func(string) bool) check.Thresholds {
	var t check.Thresholds
	if changed("min") {
		t.Min = &f.min
	}
	if changed("critical-min") {
		t.CriticalMin = &f.critMin
	}
	if changed("max-drop") {
		t.MaxDrop = &f.maxDrop
	}
	if changed("critical-max-drop") {
		t.CriticalMaxDrop = &f.critDrop
	}
	return t
}

// validate checks the flags before anything is fetched.
func (f *checkFlags) validate(cmd *cobra.Command, args []string) (time.Time, error) {
	if len(args) == 0 && f.watch == "" {
		return time.Time{}, usageError("check needs at least one SEGMENT (an id or an exact name) or --watch NAME; see segdash check --help")
	}
	if cmd.Flags().Changed("length") {
		if err := client.CheckWindow(f.length); err != nil {
			return time.Time{}, usageError("--length: %v", err)
		}
	}
	if !slices.Contains(output.Formats(), f.format) {
		return time.Time{}, usageError("--format %q: want one of %s", f.format, strings.Join(output.Formats(), ", "))
	}
	if err := f.thresholds(cmd.Flags().Changed).Validate(); err != nil {
		return time.Time{}, usageError("%v", err)
	}
	if cmd.Flags().Changed("compare") && f.compare != "previous" {
		return time.Time{}, usageError("--compare %q: the only comparison is previous (the period of the same length before this one)", f.compare)
	}
	var end time.Time
	if f.endingAt != "" {
		t, err := parseEndingAt(f.endingAt)
		if err != nil {
			return time.Time{}, err
		}
		end = t
	}
	for _, a := range args {
		if strings.TrimSpace(a) == "" {
			return time.Time{}, usageError("an empty SEGMENT was given")
		}
	}
	return end, nil
}

func (a *app) runCheck(cmd *cobra.Command, get backendFunc, f *checkFlags, args []string) (err error) {
	defer func() { a.nagiosOnError(f.format, &err) }()
	ctx, cancel := cli.OneShotContext(cmd, a.requestTimeout)
	defer cancel()
	end, err := f.validate(cmd, args)
	if err != nil {
		return err
	}
	if err := a.checkEnd(end); err != nil {
		return err
	}
	be, cfg, release, err := get(cmd)
	if err != nil {
		return err
	}
	defer release()
	a.announce(cfg)
	o, err := a.checkOptions(cmd, f, cfg, end)
	if err != nil {
		return err
	}
	refs := args
	if f.watch != "" {
		wl, err := cfg.Watchlist(f.watch)
		if err != nil {
			return usageError("--watch: %v", err)
		}
		refs = append(append([]string(nil), wl.Segments...), args...)
	}
	rep, err := check.Run(ctx, be.cache, refs, o)
	if t, ok := cli.TimedOutOf(ctx); ok && err != nil {
		err = fmt.Errorf("%v before any segment was checked", t)
	}
	if err != nil {
		if f.watch != "" {
			return fmt.Errorf("watchlist %q: %w", f.watch, err)
		}
		return err
	}
	output.WriteCheckNotes(a.errw, rep)
	result := checkResult(ctx, rep)
	if f.format == "nagios" {
		n, exit := nagiosExit(ctx, output.NagiosCheck(output.CheckResults(rep), rep.Problems, rep.Thresholds), result)
		if err := n.Write(a.out); err != nil {
			return err
		}
		return exit
	}
	if err := output.WriteCheck(a.out, f.format, rep, output.ColorProfile(a.out, a.getenv), terminalWidth(a.out, 0)); err != nil {
		return err
	}
	return result
}

// checkResult is a check's exit outside the nagios format: an error when
// segments could not be checked (the --timeout that passed, if one did),
// a breach when a threshold was broken or a rule fired.
func checkResult(ctx context.Context, rep *check.Report) error {
	if len(rep.Problems) > 0 {
		err := fmt.Errorf("%s of %s segments could not be checked", count(len(rep.Problems)), count(len(rep.Problems)+len(rep.Results)))
		if t, ok := cli.TimedOutOf(ctx); ok {
			err = fmt.Errorf("%v: %w", t, err)
		}
		return &codeError{code: exitError, err: err}
	}
	if rep.Breached() {
		return &codeError{code: exitBreach, err: fmt.Errorf("threshold breached")}
	}
	return nil
}

// checkOptions are the engine's options from the flags and the
// configuration: --length or the config's length, the thresholds given,
// and with --rules the config's rules (a usage error when it has none:
// --rules would check nothing).
func (a *app) checkOptions(cmd *cobra.Command, f *checkFlags, cfg config.Config, end time.Time) (check.Options, error) {
	o := check.Options{Length: cfg.Length, EndingAt: end, Compare: f.compare != "", Now: a.now, Workspace: cfg.Workspace,
		Thresholds: f.thresholds(cmd.Flags().Changed)}
	if cmd.Flags().Changed("length") {
		o.Length = f.length
	}
	if f.watch != "" {
		o.Source = fmt.Sprintf("watchlist %q", f.watch)
	}
	if !f.rules {
		return o, nil
	}
	rules, err := cfg.CheckRules()
	if err != nil {
		return o, usageError("%v", err)
	}
	o.Rules = rules
	for _, w := range o.Rules.Unmatched(cfg.WatchlistFile) {
		fmt.Fprintln(a.errw, "segdash: warning: "+w)
	}
	return o, nil
}
