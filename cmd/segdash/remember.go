package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// remember is config.Remember for cmd (its --fresh), with warnings on
// stderr.
func (a *app) remember(cmd *cobra.Command, cfg config.Config, be *backend) (save func()) {
	fresh, _ := cmd.Flags().GetBool("fresh")
	return config.Remember(cfg, be.cache, a.now, fresh, func(msg string) { fmt.Fprintln(a.errw, "segdash: warning: "+msg) })
}

// snapshotStore is config.SnapshotStore, by the name the commands use.
func snapshotStore(cfg config.Config, now func() time.Time) *snapshot.Store {
	return config.SnapshotStore(cfg, now)
}
