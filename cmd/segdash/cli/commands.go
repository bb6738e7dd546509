package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/safe"
)

// The errors made here are usage errors: the command ends with exit 2 and
// the message, as every error without a code of its own does.

// UnknownCommand refuses arguments to a command that takes none but has
// subcommands: a word there is a command segdash does not have, so the
// error names the commands it is closest to ("segdash chek": did you mean
// check?).
func UnknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", safe.Text(args[0]), cmd.CommandPath())
	if sugg := cmd.SuggestionsFor(args[0]); len(sugg) > 0 {
		msg += "; did you mean " + strings.Join(sugg, " or ") + "?"
	}
	return fmt.Errorf("%s (the commands are listed by %s --help)", msg, cmd.CommandPath())
}

// HideGlobalFlags leaves the shared flags (--config, --endpoint, ...) out
// of c's help: they do not apply to it.
func HideGlobalFlags(c *cobra.Command) {
	c.SetHelpFunc(func(c *cobra.Command, args []string) {
		c.InheritedFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" {
				f.Hidden = true
			}
		})
		c.Root().HelpFunc()(c, args)
	})
}

// NewHelpCmd is `segdash help [command]`; an unknown topic is a usage
// error (exit 2), not a silent success.
func NewHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				return fmt.Errorf("unknown help topic %q; the commands are listed by segdash --help", safe.Text(strings.Join(args, " ")))
			}
			return target.Help()
		},
	}
}

// SetUsageErrors makes flag errors usage errors with a hint, and leaves
// the printing of errors to the caller.
func SetUsageErrors(c *cobra.Command) {
	c.SilenceUsage, c.SilenceErrors = true, true
	c.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%v (see %s --help)", err, c.CommandPath())
	})
}

// PrintError writes err on w as segdash's error line, made terminal-safe
// line by line.
func PrintError(w io.Writer, err error) {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		lines[i] = safe.Text(l)
	}
	fmt.Fprintln(w, "segdash: "+strings.Join(lines, "\n"))
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// TerminalWidth is w's width in cells, or def when it is not a terminal.
func TerminalWidth(w io.Writer, def int) int {
	if f, ok := w.(*os.File); ok {
		if width, _, err := term.GetSize(f.Fd()); err == nil && width > 0 {
			return width
		}
	}
	return def
}

// brazeBegan is the year of the earliest --ending-at: Braze (then Appboy)
// began in 2011, so an earlier end holds no data, and year 1 is Go's zero
// time, which means "now".
const brazeBegan = 2011

// ParseEndingAt reads --ending-at: YYYY-MM-DD or an ISO-8601 time, not
// before brazeBegan.
func ParseEndingAt(s string) (time.Time, error) {
	t, err := client.ParseTimestamp(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--ending-at %q: want YYYY-MM-DD or an ISO-8601 time", s)
	}
	if t.UTC().Year() < brazeBegan {
		return time.Time{}, fmt.Errorf("--ending-at %s is before %d: Braze has no data that old", client.DateOf(t), brazeBegan)
	}
	return t, nil
}

// CheckEnd refuses an --ending-at past tomorrow (today being now's day):
// Braze has no data there, and a window of days to come would read as
// sizes.
func CheckEnd(end, now time.Time) error {
	if !end.IsZero() && client.DateOf(now).AddDays(1).Before(client.DateOf(end)) {
		return fmt.Errorf("--ending-at %s is in the future: the newest data is yesterday's", client.DateOf(end))
	}
	return nil
}
