package cli

import (
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// completionBudget bounds the time a completion spends reading saved data:
// a shell waits for it at every TAB.
const completionBudget = 500 * time.Millisecond

// Sources are where completions of names come from, for the command being
// completed: local files only, never the API. Each gives nothing when
// there is nothing to give.
type Sources struct {
	// Workspaces are the config file's workspaces.
	Workspaces func(cmd *cobra.Command) []string
	// Watchlists are the watchlists of the workspace cmd would use.
	Watchlists func(cmd *cobra.Command) []string
	// Listing is the segment listing saved for the workspace cmd would
	// use; reading it is given up after completionBudget.
	Listing func(cmd *cobra.Command) []client.Segment
}

// RegisterCompletions gives the tree under root its dynamic completions:
// segment names and ids for check's arguments, workspaces (and, for scan,
// all), watchlists, tags, and the fixed values of --format, --theme,
// --sort, --compare and --color. Completions a command registered itself
// are kept. It runs once the tree is built.
func RegisterCompletions(root *cobra.Command, s Sources) {
	listing := func(cmd *cobra.Command) []client.Segment {
		return Within(completionBudget, func() []client.Segment { return s.Listing(cmd) })
	}
	Walk(root, func(c *cobra.Command) {
		if c.ValidArgsFunction == nil && len(c.ValidArgs) == 0 {
			switch c.Name() {
			case "check":
				c.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
					return Segments(listing(cmd), args, toComplete), NoFiles
				}
			case "help", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			default:
				c.ValidArgsFunction = cobra.NoFileCompletions
			}
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if _, ok := c.GetFlagCompletionFunc(f.Name); ok || f.Name == "help" || f.Value.Type() == "bool" {
				return
			}
			if fn := s.flag(c, f, listing); fn != nil {
				_ = c.RegisterFlagCompletionFunc(f.Name, fn) // only fails for a flag registered twice, excluded above
			}
		})
	})
}

// flag is the completion of c's flag f, or nil to keep the shell's file
// completion.
func (s Sources) flag(c *cobra.Command, f *pflag.Flag, listing func(*cobra.Command) []client.Segment) cobra.CompletionFunc {
	switch f.Name {
	case "workspace":
		return From(func(cmd *cobra.Command) []string {
			names := s.Workspaces(cmd)
			if cmd.Name() == "scan" && len(names) > 0 {
				names = append(names, config.AllWorkspaces)
			}
			return names
		})
	case "watch":
		return From(s.Watchlists)
	case "tag":
		return From(func(cmd *cobra.Command) []string { return Tags(listing(cmd)) })
	}
	if values, ok := FixedValues(c.Name(), f.Name); ok {
		return Fixed(values...)
	}
	if TakesPath(f.Name) {
		return nil
	}
	return cobra.NoFileCompletions
}
