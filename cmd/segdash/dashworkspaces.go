package main

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/workspaces"
)

// dashboardModel is the dashboard's root model: first alone, or, when a
// named workspace of several is on screen, the workspace picker over all
// of them with first shown. The other workspaces' dashboards are built
// the first time they are picked, each over its own client and cache;
// closers gathers their backends for the caller to close after the run.
func (a *app) dashboardModel(ctx context.Context, cfg config.Config, d *dashFlags, first *ui.Model, closers *[]func()) tea.Model {
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
		spaces[i].Open = func() (*ui.Model, error) { return a.openWorkspace(ctx, cfg, w.Name, d, closers) }
	}
	return workspaces.New(spaces, active, a.now)
}

// openWorkspace builds the dashboard of workspace name as the start does
// for the first: its own configuration (Select: its key only), snapshot,
// client and cache. --watch belongs to the first workspace only.
func (a *app) openWorkspace(ctx context.Context, cfg config.Config, name string, d *dashFlags, closers *[]func()) (*ui.Model, error) {
	wcfg, err := cfg.Select(name)
	if err != nil {
		return nil, err
	}
	own := *d
	own.watch = ""
	// Start-up warnings go to the status bar: stderr is under the screen.
	opts, err := own.options(a, wcfg, func(string) {})
	if err != nil {
		return nil, err
	}
	be, err := connect(wcfg, a.now, demoClock(a.now), d.offline)
	if err != nil {
		return nil, err
	}
	*closers = append(*closers, be.Close)
	opts.Cache, opts.Context = be.cache, ctx
	if a.tick != nil {
		opts.Tick = a.tick(ctx)
	}
	return ui.New(opts), nil
}
