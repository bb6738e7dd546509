package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

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
	f := &cli.CheckFlags{}
	cmd := &cobra.Command{
		Use:     "check [flags] SEGMENT...",
		Short:   "Print segment sizes once and exit; thresholds for scripts and monitoring",
		Long:    cli.CheckLong,
		Example: cli.CheckExample,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runCheck(cmd, get, f, args)
		},
	}
	f.Register(cmd.Flags())
	cmd.Flags().SetAnnotation("length", ownFlag, []string{"true"})
	return cmd
}

// validate is f.Validate, its errors usage errors.
func validate(f *cli.CheckFlags, cmd *cobra.Command, args []string) (time.Time, error) {
	end, err := f.Validate(cmd.Flags().Changed, args)
	if err != nil {
		return end, usageError("%v", err)
	}
	return end, nil
}

func (a *app) runCheck(cmd *cobra.Command, get backendFunc, f *cli.CheckFlags, args []string) (err error) {
	defer func() { a.nagiosOnError(f.Format, &err) }()
	ctx, cancel := cli.OneShotContext(cmd, a.requestTimeout)
	defer cancel()
	end, err := validate(f, cmd, args)
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
	if f.Watch != "" {
		wl, err := cfg.Watchlist(f.Watch)
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
		if f.Watch != "" {
			return fmt.Errorf("watchlist %q: %w", f.Watch, err)
		}
		return err
	}
	output.WriteCheckNotes(a.errw, rep)
	result := checkResult(ctx, rep)
	if f.Format == "nagios" {
		n, exit := nagiosExit(ctx, output.NagiosCheck(output.CheckResults(rep), rep.Problems, rep.Thresholds), result)
		if err := n.Write(a.out); err != nil {
			return err
		}
		return exit
	}
	if err := output.WriteCheck(a.out, f.Format, rep, output.ColorProfile(a.out, a.getenv), terminalWidth(a.out, 0)); err != nil {
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
func (a *app) checkOptions(cmd *cobra.Command, f *cli.CheckFlags, cfg config.Config, end time.Time) (check.Options, error) {
	o := check.Options{Length: cfg.Length, EndingAt: end, Compare: f.Compare != "", Now: a.now, Workspace: cfg.Workspace,
		Thresholds: f.Thresholds(cmd.Flags().Changed)}
	if cmd.Flags().Changed("length") {
		o.Length = f.Length
	}
	if f.Watch != "" {
		o.Source = fmt.Sprintf("watchlist %q", f.Watch)
	}
	if !f.Rules {
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
