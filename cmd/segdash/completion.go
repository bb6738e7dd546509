package main

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/output"
)

// completionBudget bounds the time a completion spends reading saved data:
// a shell waits for it at every TAB.
const completionBudget = 500 * time.Millisecond

// noFiles is the directive of a value that is never a file.
const noFiles = cobra.ShellCompDirectiveNoFileComp

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
		return a.completeWorkspaces
	case "watch":
		return a.completeWatchlists
	case "tag":
		return a.completeTags
	case "color":
		return fixed(cli.ColorModes()...)
	case "theme":
		return fixed(themes.Names()...)
	case "sort":
		return fixed(monitor.SortOrders()...)
	case "compare":
		return fixed("previous")
	case "format":
		if c.Name() == "scan" {
			return fixed(output.ScanFormats()...)
		}
		return fixed(output.Formats()...)
	}
	// Flags whose names say they take a path (--config, --api-key-file,
	// --host-key, --export-dir, ...) keep the shell's file completion.
	for _, part := range []string{"file", "config", "key", "dir", "path"} {
		if strings.Contains(f.Name, part) {
			return nil
		}
	}
	return cobra.NoFileCompletions
}

// fixed completes one of values.
func fixed(values ...string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return withPrefix(values, toComplete), noFiles
	}
}

// withPrefix keeps the values that start with prefix, ignoring case.
func withPrefix(values []string, prefix string) []string {
	var out []string
	for _, v := range values {
		if strings.HasPrefix(strings.ToLower(v), strings.ToLower(prefix)) {
			out = append(out, v)
		}
	}
	return out
}

// completeWorkspaces offers the config file's workspaces (and, for scan,
// all).
func (a *app) completeWorkspaces(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	base, err := a.resolveBase(cmd)
	if err != nil {
		return nil, noFiles
	}
	names := base.WorkspaceNames()
	if cmd.Name() == "scan" && len(names) > 0 {
		names = append(names, "all")
	}
	return withPrefix(names, toComplete), noFiles
}

// completeWatchlists offers the watchlists of the workspace in use.
func (a *app) completeWatchlists(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	cfg, err := a.completionConfig(cmd)
	if err != nil {
		return nil, noFiles
	}
	var names []string
	for _, w := range cfg.Watchlists {
		names = append(names, w.Name)
	}
	return withPrefix(names, toComplete), noFiles
}

// completeTags offers the tags of the saved listing.
func (a *app) completeTags(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var tags []string
	for _, s := range a.savedListing(cmd) {
		for _, t := range s.Tags {
			if printable(t) && !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
	}
	slices.Sort(tags)
	return withPrefix(tags, toComplete), noFiles
}

// completeSegments offers check's SEGMENT arguments: the tracked segments
// of the saved listing, by name (the id as description) and, once what is
// typed starts an id, by id; the ones already named are left out.
func (a *app) completeSegments(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	prefix := strings.ToLower(toComplete)
	for _, s := range a.savedListing(cmd) {
		if !s.AnalyticsTrackingEnabled || !printable(s.ID) || slices.Contains(args, s.ID) || slices.Contains(args, s.Name) {
			continue
		}
		if printable(s.Name) && strings.HasPrefix(strings.ToLower(s.Name), prefix) {
			out = append(out, s.Name+"\t"+s.ID)
		}
		if toComplete != "" && strings.HasPrefix(s.ID, toComplete) {
			out = append(out, s.ID+"\t"+strings.Map(printableRune, s.Name))
		}
	}
	return out, noFiles
}

// printable reports whether s can be offered to a shell as it is: no
// control characters (a tab would split it, an escape would reach the
// terminal).
func printable(s string) bool {
	return s != "" && !strings.ContainsFunc(s, unicode.IsControl)
}

// printableRune drops control characters from a description.
func printableRune(r rune) rune {
	if unicode.IsControl(r) {
		return -1
	}
	return r
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
	done := make(chan []client.Segment, 1)
	go func() {
		segs, _, _ := store.Peek()
		done <- segs
	}()
	select {
	case segs := <-done:
		return segs
	case <-time.After(completionBudget):
		return nil
	}
}
