package main

import (
	"github.com/spf13/cobra"
)

func runDashboard(cmd *cobra.Command, io stdio, getenv func(string) string, g *globalFlags) error {
	return cmd.Help()
}
