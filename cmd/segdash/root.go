package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
)

// app is what every command runs with: where it reads and writes, its
// environment and its clock. main passes the process's own; tests and SSH
// sessions pass theirs.
type app struct {
	in     io.Reader
	out    io.Writer
	errw   io.Writer
	getenv func(string) string
	now    func() time.Time
	// tick, when set, makes the timers of `serve` sessions (tests drive
	// them); nil means real timers that end with their session.
	tick func(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// model, when set, makes the dashboard of `serve` sessions (tests);
	// nil means ui.New.
	model func(ui.Options) tea.Model
	// color is --color of the last command tree built; getenv reads the
	// colour variables through it (cli.ColorEnv).
	color *cli.ColorMode
	// requestTimeout bounds each request of check and scan, retries
	// included (0: seriesRequestTimeout); tests make it short.
	requestTimeout time.Duration
}

// Exit codes of segdash (the `check` contract).
const (
	exitOK     = 0
	exitBreach = 1
	exitError  = 2
)

// codeError carries an exit code up through cobra.
type codeError struct {
	code int
	err  error
	// answered is true when the Nagios answer for it was written.
	answered bool
}

func (e *codeError) Error() string { return e.err.Error() }
func (e *codeError) Unwrap() error { return e.err }

// usageError marks bad flags or arguments (exit 2, with a usage hint).
func usageError(format string, args ...any) error {
	return &codeError{code: exitError, err: fmt.Errorf(format, args...)}
}

// checkEnd is cli.CheckEnd on the app's clock.
func (a *app) checkEnd(end time.Time) error { return cli.CheckEnd(end, a.now()) }

// run executes segdash with args and returns the process exit code.
func (a *app) run(ctx context.Context, args []string) int {
	return a.execute(ctx, a.newRootCmd(), args)
}

// execute runs a command tree with args and maps its error to an exit code,
// printing the error (made terminal-safe) on a.errw.
func (a *app) execute(ctx context.Context, root *cobra.Command, args []string) int {
	root.SetArgs(args)
	root.SetIn(a.in)
	root.SetOut(a.out)
	root.SetErr(a.errw)
	return a.exitCode(a.nagiosOnFlagError(args, root.ExecuteContext(ctx)))
}

// exitCode maps a command's error to the exit code, printing the error
// (made terminal-safe) on a.errw.
func (a *app) exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ce *codeError
	if errors.As(err, &ce) && ce.code == exitBreach {
		return exitBreach // the breaches were reported already
	}
	code := exitError
	if ce != nil {
		code = ce.code
	}
	cli.PrintError(a.errw, err)
	return code
}

func (a *app) newRootCmd() *cobra.Command {
	d := &dashFlags{}
	root := &cobra.Command{
		Use:           "segdash",
		Short:         "A terminal dashboard for Braze segment sizes",
		Long:          cli.RootLong,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cli.UnknownCommand,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runDashboard(cmd, d)
		},
	}
	root.SuggestionsMinimumDistance = 2 // "chek" finds check
	setUsageErrors(root)
	cli.SetVersion(root, currentBuild())
	a.registerColor(root)
	config.RegisterGlobalFlags(root.PersistentFlags())
	registerTimeout(root)
	d.register(root)
	demoAPI, ver, man := a.newDemoAPICmd(), cli.NewVersionCmd(a.out, currentBuild()), cli.NewManCmd(a.out, version())
	cli.HideGlobalFlags(demoAPI)
	cli.HideGlobalFlags(ver)
	cli.HideGlobalFlags(man)
	root.AddCommand(a.newCheckCmd(), a.newScanCmd(), a.newServeCmd(), a.newConfigCmd(), a.newSilenceCmd(), a.newWorkspacesCmd(), cli.NewCacheCmd(a.out), demoAPI, ver, man)
	root.SetHelpCommand(cli.NewHelpCmd())
	cli.FinishHelp(root, terminalWidth(a.out, 80))
	a.registerCompletions(root)
	return root
}

// registerColor adds --color to root and every command under it, and
// makes a.getenv answer for the colour variables by it (cli.ColorEnv).
func (a *app) registerColor(root *cobra.Command) {
	if a.color == nil {
		a.color = new(cli.ColorMode)
		a.getenv = cli.ColorEnv(a.color, a.getenv)
	}
	*a.color = cli.ColorAuto
	root.PersistentFlags().Var(a.color, "color", "colour in output: auto (when writing to a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it), always, never")
}

// isTerminal is cli.IsTerminal.
func isTerminal(w io.Writer) bool { return cli.IsTerminal(w) }

// terminalWidth is cli.TerminalWidth.
func terminalWidth(w io.Writer, def int) int { return cli.TerminalWidth(w, def) }

// setUsageErrors is cli.SetUsageErrors.
func setUsageErrors(c *cobra.Command) { cli.SetUsageErrors(c) }
