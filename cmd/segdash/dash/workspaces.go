package dash

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/workspaces"
)

// Model is the dashboard's root model: first alone, or, when a named
// workspace of several is on screen, the workspace picker over all of
// them with first shown. The other workspaces' dashboards are built the
// first time they are picked, each over its own client and cache;
// closers gathers their backends for the caller to close after the run.
func (s *Starter) Model(ctx context.Context, cfg config.Config, first *ui.Model, closers *[]func()) tea.Model {
	if cfg.Workspace == "" || len(cfg.Workspaces) < 2 {
		return first
	}
	spaces := make([]workspaces.Workspace, len(cfg.Workspaces))
	active := 0
	for i, w := range cfg.Workspaces {
		spaces[i] = workspaces.Workspace{Name: w.Name, Endpoint: w.Endpoint}
		if w.Name == cfg.Workspace {
			active = i
			spaces[i].Open = func() (*ui.Model, error) { return first, nil }
			continue
		}
		spaces[i].Open = func() (*ui.Model, error) { return s.open(ctx, cfg, w.Name, closers) }
	}
	return workspaces.New(spaces, active, s.Now)
}

// open builds the dashboard of workspace name as the start does for the
// first: its own configuration (Select: its key only), snapshot, client
// and cache. --watch belongs to the first workspace only.
func (s *Starter) open(ctx context.Context, cfg config.Config, name string, closers *[]func()) (*ui.Model, error) {
	wcfg, err := cfg.Select(name)
	if err != nil {
		return nil, err
	}
	own := *s
	own.Watch = ""
	// Start-up warnings go to the status bar: stderr is under the screen.
	opts, err := own.Options(wcfg, func(string) {})
	if err != nil {
		return nil, err
	}
	be, err := s.connect(wcfg)
	if err != nil {
		return nil, err
	}
	*closers = append(*closers, be.Close)
	opts.Cache, opts.Context = be.Cache, ctx
	if s.Tick != nil {
		opts.Tick = s.Tick(ctx)
	}
	return ui.New(opts), nil
}
