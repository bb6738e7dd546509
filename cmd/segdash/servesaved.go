package main

import (
	"fmt"
	"log/slog"
	"sync"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/metrics"
)

// savedWorkspace is what serve keeps of a workspace between runs: the
// listing and closed chunks of its shared cache, loaded at start and saved
// after each scheduled scan and at shutdown (merged with what other
// processes saved meanwhile, under the file's lock).
type savedWorkspace struct {
	name string
	mu   sync.Mutex
	sess *snapshot.Session
}

// openSaved loads what earlier runs saved of cfg's workspace into cache
// (nothing for the demo); a saved file that could not be used is a warning.
func (a *app) openSaved(cfg config.Config, cache *client.Cache, warn func(string)) *savedWorkspace {
	sess, err := snapshot.Open(snapshotStore(cfg, a.now), cache, false)
	if err != nil {
		warn(fmt.Sprintf("workspace %s: the saved data was not used: %v", metrics.Label(cfg.Workspace), err))
	}
	return &savedWorkspace{name: cfg.Workspace, sess: sess}
}

// save writes what the cache holds now; a failure is logged, and the next
// save tries again.
func (s *savedWorkspace) save(logger *slog.Logger) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.sess.Save(); err != nil {
		logger.Error("saving the workspace's data", "workspace", metrics.Label(s.name), "err", err)
	}
}

// saveAll saves every workspace.
func (ws servedWorkspaces) saveAll(logger *slog.Logger) {
	for _, w := range ws {
		w.saved.save(logger)
	}
}
