package main

import (
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
type backendFunc func(cmd *cobra.Command) (be *config.Backend, cfg config.Config, release func(), err error)

// localBackend resolves the configuration and connects, for a local check.
func (a *app) localBackend() backendFunc {
	return func(cmd *cobra.Command) (*config.Backend, config.Config, func(), error) {
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
	cmd.Flags().SetAnnotation("length", config.OwnFlag, []string{"true"})
	return cmd
}

func (a *app) runCheck(cmd *cobra.Command, get backendFunc, f *cli.CheckFlags, args []string) (err error) {
	defer func() { cli.NagiosOnError(a.out, f.Format, &err) }()
	ctx, cancel := cli.OneShotContext(cmd, a.requestTimeout)
	defer cancel()
	end, err := f.Validate(cmd.Flags().Changed, args)
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
			return fmt.Errorf("--watch: %v", err)
		}
		refs = append(append([]string(nil), wl.Segments...), args...)
	}
	rep, err := check.Run(ctx, be.Cache, refs, o)
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
	result := cli.CheckResult(ctx, rep)
	if f.Format == "nagios" {
		n, exit := cli.NagiosExit(ctx, output.NagiosCheck(output.CheckResults(rep), rep.Problems, rep.Thresholds), result)
		if err := n.Write(a.out); err != nil {
			return err
		}
		return exit
	}
	if err := output.WriteCheck(a.out, f.Format, rep, output.ColorProfile(a.out, a.getenv), cli.TerminalWidth(a.out, 0)); err != nil {
		return err
	}
	return result
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
		return o, err
	}
	o.Rules = rules
	for _, w := range o.Rules.Unmatched(cfg.WatchlistFile) {
		fmt.Fprintln(a.errw, "segdash: warning: "+w)
	}
	return o, nil
}
