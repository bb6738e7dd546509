package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/output"
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

// brazeBegan is the year of the earliest --ending-at: Braze (then Appboy)
// began in 2011, so an earlier end holds no data, and year 1 is Go's zero
// time, which means "now".
const brazeBegan = 2011

// parseEndingAt reads --ending-at: YYYY-MM-DD or an ISO-8601 time, not
// before brazeBegan.
func parseEndingAt(s string) (time.Time, error) {
	t, err := client.ParseTimestamp(s)
	if err != nil {
		return time.Time{}, usageError("--ending-at %q: want YYYY-MM-DD or an ISO-8601 time", s)
	}
	if t.UTC().Year() < brazeBegan {
		return time.Time{}, usageError("--ending-at %s is before %d: Braze has no data that old", client.DateOf(t), brazeBegan)
	}
	return t, nil
}

// checkEnd refuses an --ending-at past tomorrow: Braze has no data there,
// and a window of days to come would read as sizes.
func (a *app) checkEnd(end time.Time) error {
	if !end.IsZero() && client.DateOf(a.now()).AddDays(1).Before(client.DateOf(end)) {
		return usageError("--ending-at %s is in the future: the newest data is yesterday's", client.DateOf(end))
	}
	return nil
}

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
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		lines[i] = output.SafeText(l)
	}
	fmt.Fprintln(a.errw, "segdash: "+strings.Join(lines, "\n"))
	return code
}

func (a *app) newRootCmd() *cobra.Command {
	g := &globalFlags{}
	d := &dashFlags{}
	root := &cobra.Command{
		Use:   "segdash",
		Short: "A terminal dashboard for Braze segment sizes",
		Long: `segdash shows Braze segment sizes over time: a live dashboard in the terminal,
the same dashboard over SSH (segdash serve), one-shot checks for scripts (segdash check),
and a scan of the whole workspace: what changed, and what broke (segdash scan).

Credentials come from BRAZE_API_KEY (or --api-key-file), the endpoint from
BRAZE_REST_ENDPOINT (or --endpoint), or from the config file's workspaces: (pick one
with --workspace NAME / -w NAME; segdash workspaces lists them). Without a key,
segdash runs on built-in demo data.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          unknownCommand,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runDashboard(cmd, d)
		},
	}
	root.SuggestionsMinimumDistance = 2 // "chek" finds check
	setUsageErrors(root)
	cli.SetVersion(root, currentBuild())
	a.registerColor(root)
	g.register(root)
	registerTimeout(root)
	d.register(root)
	demoAPI, ver, man := a.newDemoAPICmd(), a.newVersionCmd(), a.newManCmd()
	hideGlobalFlags(demoAPI)
	hideGlobalFlags(ver)
	hideGlobalFlags(man)
	root.AddCommand(a.newCheckCmd(), a.newScanCmd(), a.newServeCmd(), a.newConfigCmd(), a.newSilenceCmd(), a.newWorkspacesCmd(), a.newCacheCmd(), demoAPI, ver, man)
	root.SetHelpCommand(newHelpCmd())
	cli.FinishHelp(root, terminalWidth(a.out, 80))
	a.registerCompletions(root)
	return root
}

// unknownCommand refuses arguments to the dashboard: a word there is a
// command segdash does not have, so the error names the commands it is
// closest to ("segdash chek": did you mean check?).
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", output.SafeText(args[0]), cmd.CommandPath())
	if sugg := cmd.SuggestionsFor(args[0]); len(sugg) > 0 {
		msg += "; did you mean " + strings.Join(sugg, " or ") + "?"
	}
	return usageError("%s (the commands are listed by %s --help)", msg, cmd.CommandPath())
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

// hideGlobalFlags leaves the shared flags (--config, --endpoint, ...) out of
// c's help: they do not apply to it.
func hideGlobalFlags(c *cobra.Command) {
	c.SetHelpFunc(func(c *cobra.Command, args []string) {
		c.InheritedFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" {
				f.Hidden = true
			}
		})
		c.Root().HelpFunc()(c, args)
	})
}

// newHelpCmd is `segdash help [command]`; an unknown topic is a usage
// error (exit 2), not a silent success.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				return usageError("unknown help topic %q; the commands are listed by segdash --help", output.SafeText(strings.Join(args, " ")))
			}
			return target.Help()
		},
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// terminalWidth is w's width in cells, or def when it is not a terminal.
func terminalWidth(w io.Writer, def int) int {
	if f, ok := w.(*os.File); ok {
		if width, _, err := term.GetSize(f.Fd()); err == nil && width > 0 {
			return width
		}
	}
	return def
}

// setUsageErrors makes flag errors usage errors (exit 2) with a hint.
func setUsageErrors(c *cobra.Command) {
	c.SilenceUsage, c.SilenceErrors = true, true
	c.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v (see %s --help)", err, c.CommandPath())
	})
}
