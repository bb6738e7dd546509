package config

import (
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/safe"
	"github.com/segdash/segdash/client/snapshot"
)

// Remember loads what earlier runs saved of cfg's workspace (the listing,
// the closed chunks of long windows) into cache, unless fresh, and returns
// what saves what this run learnt back, merged with what other processes
// saved meanwhile. A file that cannot be used or saved is told to warn
// (made terminal-safe): the command goes on without it. The demo keeps
// nothing.
func Remember(cfg Config, cache *client.Cache, now func() time.Time, fresh bool, warn func(string)) (save func()) {
	store := SnapshotStore(cfg, now)
	if store == nil {
		return func() {}
	}
	sess, err := snapshot.Open(store, cache, fresh)
	if err != nil {
		warn(safe.Text(err.Error()))
	}
	return func() {
		if err := sess.Save(); err != nil {
			warn("saving what this run learnt: " + safe.Text(err.Error()))
		}
	}
}
