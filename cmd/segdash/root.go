package main

import (
	"context"
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
	// included (0: cli.RequestTimeout); tests make it short.
	requestTimeout time.Duration
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
	return cli.ExitCode(a.errw, cli.NagiosOnFlagError(a.out, args, root.ExecuteContext(ctx)))
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
	cli.SetUsageErrors(root)
	cli.SetVersion(root, currentBuild())
	a.registerColor(root)
	config.RegisterGlobalFlags(root.PersistentFlags())
	cli.RegisterTimeout(root)
	d.register(root)
	demoAPI, ver, man := a.newDemoAPICmd(), cli.NewVersionCmd(a.out, currentBuild()), cli.NewManCmd(a.out, version())
	cli.HideGlobalFlags(demoAPI)
	cli.HideGlobalFlags(ver)
	cli.HideGlobalFlags(man)
	root.AddCommand(a.newCheckCmd(), a.newScanCmd(), a.newServeCmd(), a.newConfigCmd(), a.newSilenceCmd(), a.newWorkspacesCmd(), cli.NewCacheCmd(a.out), demoAPI, ver, man)
	root.SetHelpCommand(cli.NewHelpCmd())
	cli.FinishHelp(root, cli.TerminalWidth(a.out, cli.HelpWidth))
	cli.RegisterCompletions(root, a.completions())
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
