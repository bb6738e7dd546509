package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/cmd/segdash/cli"
)

// newCacheCmd is `segdash cache`: where the data kept between runs lives,
// and how to drop it.
func (a *app) newCacheCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "cache",
		Short: "Show or clear the data segdash keeps between runs",
		Long: `segdash keeps what it learns of each workspace between runs: the segment list
(names, tags, tracking; reused for an hour after it was listed, then listed again)
and the closed 100-day chunks of long windows (their days no longer change). So a
second "segdash check NAME" asks for no list, and a year's window asks only for
its newest chunk. The dashboard keeps its last series there too.

Each workspace (endpoint and API key) has a file of its own, named by a
fingerprint of the key; the key itself is never stored. A file holds at most
2,000 series and 2,000 chunks (the newest) besides the list: at most about 17 MB
for 10,000 segments, of which the list is about 1.4 MB. Processes saving at once
(dashboards, check, scan, serve) lock the file and merge what they save.

--fresh on check, scan or the dashboard asks the API for everything and ignores
what is saved (what that run learns is still saved).`,
		Example: `  segdash cache path
  segdash cache clear`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	c.AddCommand(&cobra.Command{
		Use:     "path",
		Short:   "Print the folder that holds the saved data",
		Example: "  segdash cache path",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := snapshot.Dir()
			if err != nil {
				return fmt.Errorf("no cache folder: %w", err)
			}
			fmt.Fprintln(a.out, dir)
			return nil
		},
	}, &cobra.Command{
		Use:   "clear",
		Short: "Remove the saved data of every workspace",
		Long: `clear removes the saved data of every workspace: the next run of any command
lists the segments and fetches every chunk again. A save under way in another
process finishes first.`,
		Example: "  segdash cache clear",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := snapshot.Dir()
			if err != nil {
				return fmt.Errorf("no cache folder: %w", err)
			}
			n, err := snapshot.Clear(dir)
			if err != nil {
				return fmt.Errorf("clearing %s: %w", dir, err)
			}
			fmt.Fprintf(a.out, "removed %d saved %s from %s\n", n, map[bool]string{true: "file", false: "files"}[n == 1], dir)
			return nil
		},
	})
	cli.HideGlobalFlags(c)
	return c
}
