package serving

import (
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/metrics"
)

// saved is what serve keeps of a workspace between runs: the listing and
// closed chunks of its shared cache, loaded at start and saved after each
// scheduled scan and at shutdown (merged with what other processes saved
// meanwhile, under the file's lock).
type saved struct {
	name string
	mu   sync.Mutex
	sess *snapshot.Session
}

// openSaved loads what earlier runs saved of cfg's workspace into cache
// (nothing for the demo); a saved file that could not be used is a warning.
func openSaved(cfg config.Config, cache *client.Cache, now func() time.Time, warn func(string)) *saved {
	sess, err := snapshot.Open(config.SnapshotStore(cfg, now), cache, false)
	if err != nil {
		warn(fmt.Sprintf("workspace %s: the saved data was not used: %v", metrics.Label(cfg.Workspace), err))
	}
	return &saved{name: cfg.Workspace, sess: sess}
}

// save writes what the cache holds now; a failure is logged, and the next
// save tries again.
func (s *saved) save(logger *slog.Logger) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.sess.Save(); err != nil {
		logger.Error("saving the workspace's data", "workspace", metrics.Label(s.name), "err", err)
	}
}

// SaveAll saves every workspace.
func (ws Workspaces) SaveAll(logger *slog.Logger) {
	for _, w := range ws {
		w.saved.save(logger)
	}
}
