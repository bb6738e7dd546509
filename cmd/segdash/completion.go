package main

import (
	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// completions are where the shell's completions come from: the config
// file and the saved listing of the workspace a command would use. They
// only read: a bad file is left for the next real run to set aside, and no
// request is ever sent.
func (a *app) completions() cli.Sources {
	return cli.Sources{
		Workspaces: func(cmd *cobra.Command) []string {
			base, err := a.resolveBase(cmd)
			if err != nil {
				return nil
			}
			return base.WorkspaceNames()
		},
		Watchlists: func(cmd *cobra.Command) []string {
			cfg, err := a.completionConfig(cmd)
			if err != nil {
				return nil
			}
			var names []string
			for _, w := range cfg.Watchlists {
				names = append(names, w.Name)
			}
			return names
		},
		Listing: func(cmd *cobra.Command) []client.Segment {
			cfg, err := a.completionConfig(cmd)
			if err != nil {
				return nil
			}
			if cfg.Demo { // it keeps no saved data, and its listing is known
				return config.DemoListing()
			}
			store := config.SnapshotStore(cfg, a.now)
			if store == nil { // no cache directory
				return nil
			}
			segs, _, _ := store.Peek()
			return segs
		},
	}
}

// completionConfig is the configuration cmd would run with, or an error;
// it reads local files only.
func (a *app) completionConfig(cmd *cobra.Command) (config.Config, error) {
	name := ""
	if names := config.WorkspaceFlag(cmd.Flag); len(names) > 0 {
		name = names[0]
	}
	return a.resolveWorkspace(cmd, name)
}
