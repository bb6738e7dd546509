package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

// remember loads what earlier runs saved of cfg's workspace (the listing,
// the closed chunks of long windows) into be's cache, unless --fresh, and
// returns what saves what this run learnt back, merged with what other
// processes saved meanwhile. A file that cannot be used or saved is a
// warning on stderr: the command goes on without it. The demo keeps
// nothing.
func (a *app) remember(cmd *cobra.Command, cfg config.Config, be *backend) (save func()) {
	store := snapshotStore(cfg, a.now)
	if store == nil {
		return func() {}
	}
	fresh, _ := cmd.Flags().GetBool("fresh")
	sess, err := snapshot.Open(store, be.cache, fresh)
	if err != nil {
		fmt.Fprintln(a.errw, "segdash: warning: "+output.SafeText(err.Error()))
	}
	return func() {
		if err := sess.Save(); err != nil {
			fmt.Fprintln(a.errw, "segdash: warning: saving what this run learnt: "+output.SafeText(err.Error()))
		}
	}
}

// snapshotStore is config.SnapshotStore, by the name the commands use.
func snapshotStore(cfg config.Config, now func() time.Time) *snapshot.Store {
	return config.SnapshotStore(cfg, now)
}
