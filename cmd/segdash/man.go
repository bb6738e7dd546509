package main

import (
	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/cli"
)

func (a *app) newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the segdash(1) manual page (roff)",
		Long: `man prints the manual page of segdash, every command and flag included, as roff,
generated from the commands themselves.`,
		Example: `  segdash man | man -l -
  segdash man > /usr/local/share/man/man1/segdash.1`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cli.WriteMan(a.out, cmd.Root(), currentBuild().Version)
		},
	}
}
