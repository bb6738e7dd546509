// Package dash starts the terminal dashboard of `segdash`: its ui.Options
// from the configuration and flags, the data kept between runs, the
// workspace picker over several workspaces, quitting on signals as q does,
// and how a run ended.
package dash

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
)

// Flags are the dashboard's own flags. --theme, --refresh and --length are
// read through config.Resolve, where they override the config file.
type Flags struct {
	// NoMouse is --no-mouse: start with mouse capture off.
	NoMouse bool
	// ExportDir is --export-dir: where e writes CSV files.
	ExportDir string
	// Watch is --watch: the watchlist to open with.
	Watch string
	// Offline is --offline: only the data saved by the last run.
	Offline bool
	// Fresh is the global --fresh: nothing saved is loaded (what the
	// dashboard learns is still saved on quit).
	Fresh bool
}

// Starter builds and runs dashboards.
type Starter struct {
	Flags
	// Getenv is the environment, Now the clock.
	Getenv func(string) string
	Now    func() time.Time
	// Tick, when set, makes the timers of the workspaces opened from the
	// picker (tests).
	Tick func(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// UserAgent is the clients' User-Agent.
	UserAgent string
	// Saves, when set, records every workspace's last save.
	Saves *SaveLog
}

// Options turns the configuration and flags into ui.Options, loading the
// last snapshot for an instant start; warn tells start-up warnings.
func (s *Starter) Options(cfg config.Config, warn func(string)) (ui.Options, error) {
	o := ui.Options{Theme: cfg.Theme, NoColor: s.Getenv("NO_COLOR") != "", Refresh: cfg.Refresh, Length: cfg.Length,
		Demo: cfg.Demo, Source: cfg.Title(), ExportDir: s.ExportDir, NoMouse: s.NoMouse, Offline: s.Offline,
		Watchlists: cfg.Watchlists, Rules: cfg.Rules, Silences: cfg.Silences, Workspace: cfg.Workspace, Now: s.Now}
	if len(cfg.Warnings) > 0 {
		o.Notice = "warning: " + strings.Join(cfg.Warnings, "; ")
	}
	for _, w := range cfg.Workspaces {
		if w.Name == cfg.Workspace {
			o.KeyFrom = w.KeySetting()
		}
	}
	if s.Watch != "" {
		if _, err := cfg.Watchlist(s.Watch); err != nil {
			return o, fmt.Errorf("--watch: %w", err)
		}
		o.Watch = s.Watch
	}
	if cfg.WatchlistFile != "" {
		o.SaveWatchlist = config.NewWatchlistSaver(cfg.WatchlistFile, cfg.Workspace, cfg.Watchlists).Save
	}
	if s.Fresh && s.Offline {
		return o, errors.New("--fresh asks the API for everything and --offline for nothing: give one of them")
	}
	if store := config.SnapshotStore(cfg, s.Now); store != nil {
		if !s.Fresh {
			snap, err := store.Load()
			if err != nil {
				warn("warning: " + err.Error())
				o.Notice = strings.TrimPrefix(o.Notice+"; warning: "+err.Error(), "; ")
			}
			o.Snapshot = snap
		}
		o.SaveSnapshot = store.Save
		if s.Saves != nil {
			o.SaveSnapshot = s.Saves.wrap(store.Path(), store.Save)
		}
	}
	if s.Offline && o.Snapshot == nil {
		return o, errors.New("--offline: no saved data for this workspace yet; run segdash once online first")
	}
	return o, nil
}

// connect builds cfg's backend as the dashboard uses it.
func (s *Starter) connect(cfg config.Config) (*config.Backend, error) {
	return config.Connect(cfg, config.ConnectOptions{Now: s.Now, DemoNow: s.Now, Offline: s.Offline, UserAgent: s.UserAgent})
}
