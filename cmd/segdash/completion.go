package main

import (
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// completionBudget bounds the time a completion spends reading saved data:
// a shell waits for it at every TAB.
const completionBudget = 500 * time.Millisecond

// registerCompletions gives the tree under root its dynamic completions:
// segment names and ids for check's arguments (from the saved listing,
// never from the API), workspaces, watchlists, tags and the fixed values
// of --format, --theme, --sort, --compare and --color. Completions a
// command registered itself are kept. It runs once the tree is built.
func (a *app) registerCompletions(root *cobra.Command) {
	cli.Walk(root, func(c *cobra.Command) {
		if c.ValidArgsFunction == nil && len(c.ValidArgs) == 0 {
			switch c.Name() {
			case "check":
				c.ValidArgsFunction = a.completeSegments
			case "help", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			default:
				c.ValidArgsFunction = cobra.NoFileCompletions
			}
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if _, ok := c.GetFlagCompletionFunc(f.Name); ok || f.Name == "help" || f.Value.Type() == "bool" {
				return
			}
			if fn := a.flagCompletion(c, f); fn != nil {
				_ = c.RegisterFlagCompletionFunc(f.Name, fn) // only fails for a flag registered twice, excluded above
			}
		})
	})
}

// flagCompletion is the completion of c's flag f, or nil to keep the
// shell's file completion.
func (a *app) flagCompletion(c *cobra.Command, f *pflag.Flag) cobra.CompletionFunc {
	switch f.Name {
	case "workspace":
		return cli.From(a.workspaceNames)
	case "watch":
		return cli.From(a.watchlistNames)
	case "tag":
		return cli.From(func(cmd *cobra.Command) []string { return cli.Tags(a.savedListing(cmd)) })
	}
	if values, ok := cli.FixedValues(c.Name(), f.Name); ok {
		return cli.Fixed(values...)
	}
	if cli.TakesPath(f.Name) {
		return nil
	}
	return cobra.NoFileCompletions
}

// workspaceNames are the config file's workspaces (and, for scan, all).
func (a *app) workspaceNames(cmd *cobra.Command) []string {
	base, err := a.resolveBase(cmd)
	if err != nil {
		return nil
	}
	names := base.WorkspaceNames()
	if cmd.Name() == "scan" && len(names) > 0 {
		names = append(names, config.AllWorkspaces)
	}
	return names
}

// watchlistNames are the watchlists of the workspace in use.
func (a *app) watchlistNames(cmd *cobra.Command) []string {
	cfg, err := a.completionConfig(cmd)
	if err != nil {
		return nil
	}
	var names []string
	for _, w := range cfg.Watchlists {
		names = append(names, w.Name)
	}
	return names
}

// completeSegments offers check's SEGMENT arguments from the saved
// listing (cli.Segments).
func (a *app) completeSegments(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return cli.Segments(a.savedListing(cmd), args, toComplete), cli.NoFiles
}

// completionConfig is the configuration cmd would run with, or an error;
// it reads local files only.
func (a *app) completionConfig(cmd *cobra.Command) (config.Config, error) {
	names := workspaceFlag(cmd)
	name := ""
	if len(names) > 0 {
		name = names[0]
	}
	return a.resolveWorkspace(cmd, name)
}

// savedListing is the segment listing the last run saved for the
// workspace cmd would use: nothing in the demo, without saved data, or
// when reading takes longer than completionBudget. It only reads: a bad
// file is left for the next real run to set aside, and no request is ever
// sent.
func (a *app) savedListing(cmd *cobra.Command) []client.Segment {
	cfg, err := a.completionConfig(cmd)
	if err != nil {
		return nil
	}
	store := snapshotStore(cfg, a.now)
	if store == nil {
		return nil
	}
	return cli.Within(completionBudget, func() []client.Segment {
		segs, _, _ := store.Peek()
		return segs
	})
}
