package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/config"
)

// remember is config.Remember for cmd (its --fresh), with warnings on
// stderr.
func (a *app) remember(cmd *cobra.Command, cfg config.Config, be *config.Backend) (save func()) {
	fresh, _ := cmd.Flags().GetBool("fresh")
	return config.Remember(cfg, be.Cache, a.now, fresh, func(msg string) { fmt.Fprintln(a.errw, "segdash: warning: "+msg) })
}
