package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// NewVersionCmd is `segdash version`: it prints build on out.
func NewVersionCmd(out io.Writer, build BuildFacts) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the version, commit, Go version and platform",
		Long:    VersionLong,
		Example: "  segdash version",
		Args:    cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprint(out, build.String())
		},
	}
}

// NewManCmd is `segdash man`: it prints the manual page of the whole
// command tree, of the given version, on out.
func NewManCmd(out io.Writer, version string) *cobra.Command {
	return &cobra.Command{
		Use:     "man",
		Short:   "Print the segdash(1) manual page (roff)",
		Long:    ManLong,
		Example: ManExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return WriteMan(out, cmd.Root(), version)
		},
	}
}
