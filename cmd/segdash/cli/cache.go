package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client/snapshot"
)

// NewCacheCmd is `segdash cache`: where the data kept between runs lives,
// and how to drop it.
func NewCacheCmd(out io.Writer) *cobra.Command {
	c := &cobra.Command{
		Use:     "cache",
		Short:   "Show or clear the data segdash keeps between runs",
		Long:    CacheLong,
		Example: CacheExample,
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return cmd.Help() },
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
			fmt.Fprintln(out, dir)
			return nil
		},
	}, &cobra.Command{
		Use:     "clear",
		Short:   "Remove the saved data of every workspace",
		Long:    CacheClearLong,
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
			fmt.Fprintf(out, "removed %d saved %s from %s\n", n, map[bool]string{true: "file", false: "files"}[n == 1], dir)
			return nil
		},
	})
	HideGlobalFlags(c)
	return c
}
