package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/metrics"
	"github.com/segdash/segdash/ui/sshserve"
)

// servedWorkspace is one workspace of `segdash serve`: its configuration,
// its client and cache and its scan hub, shared by all its sessions (and
// the metrics' schedule) and by no other workspace's.
type servedWorkspace struct {
	cfg   config.Config
	be    *backend
	hub   *monitor.Hub
	saved *savedWorkspace
}

// servedWorkspaces are the workspaces served, in order.
type servedWorkspaces []servedWorkspace

// serveConfigs picks what serve serves: the one --workspace, else every
// workspace of the config file (default_workspace for other user names),
// else the unnamed workspace (the environment, or the demo) for everyone.
func (a *app) serveConfigs(cmd *cobra.Command) ([]config.Config, string, error) {
	if len(workspaceFlag(cmd)) > 0 {
		cfg, err := a.resolveConfig(cmd)
		return []config.Config{cfg}, cfg.Workspace, err
	}
	base, err := a.resolveBase(cmd)
	if err != nil {
		return nil, "", err
	}
	if len(base.Workspaces) == 0 {
		cfg, err := a.resolveConfig(cmd)
		return []config.Config{cfg}, "", err
	}
	var cfgs []config.Config
	for _, name := range base.WorkspaceNames() {
		cfg, err := a.resolveWorkspace(cmd, name)
		if err != nil {
			return nil, "", err
		}
		cfgs = append(cfgs, cfg)
	}
	return cfgs, base.DefaultWorkspace, nil
}

// checkWorkspaceKeys checks a workspace's own authorized keys file at
// start, as validate does --authorized-keys.
func checkWorkspaceKeys(cfg config.Config) error {
	if cfg.AuthorizedKeys == "" {
		return nil
	}
	n, err := sshserve.CountAuthorizedKeys(cfg.AuthorizedKeys)
	switch {
	case err != nil:
		return fmt.Errorf("workspace %s: authorized_keys %s: %w", cfg.Workspace, cfg.AuthorizedKeys, err)
	case n == 0:
		return fmt.Errorf("workspace %s: authorized_keys %s holds no public key", cfg.Workspace, cfg.AuthorizedKeys)
	}
	return nil
}

// connectWorkspaces gives each workspace its own client, cache and scan
// hub (its scans end with ctx), with what earlier runs saved of it loaded
// into the cache; m, when not nil, counts each client's requests. The
// ones connected are returned with an error too, to be closed.
func (a *app) connectWorkspaces(ctx context.Context, cfgs []config.Config, m *metrics.Metrics, warn func(string)) (servedWorkspaces, error) {
	var out servedWorkspaces
	for _, cfg := range cfgs {
		var opts []client.Option
		if m != nil {
			opts = append(opts, client.WithRequestObserver(m.RequestObserver(cfg.Workspace)))
		}
		be, err := connect(cfg, a.now, demoClock(a.now), false, opts...)
		if err != nil {
			return out, fmt.Errorf("workspace %s: %w", cfg.Workspace, err)
		}
		out = append(out, servedWorkspace{cfg: cfg, be: be, hub: monitor.NewHub(ctx),
			saved: a.openSaved(cfg, be.cache, warn)})
	}
	return out, nil
}

// close releases every workspace's connections.
func (ws servedWorkspaces) close() {
	for _, w := range ws {
		w.be.Close()
	}
}

// sshWorkspaces are the workspaces as the SSH server serves them: each
// session's dashboard on the workspace's shared cache and scan hub, with
// no export, no saving of watchlists and no snapshot of its own: those
// would write on the server (the server saves the shared cache itself).
func (ws servedWorkspaces) sshWorkspaces() []sshserve.Workspace {
	out := make([]sshserve.Workspace, len(ws))
	for i, w := range ws {
		cfg := w.cfg
		out[i] = sshserve.Workspace{Name: cfg.Workspace, Endpoint: cfg.Endpoint, Demo: cfg.Demo, AuthorizedKeys: cfg.AuthorizedKeys,
			Dashboard: ui.Options{Cache: w.be.cache, ScanHub: w.hub, Theme: cfg.Theme, Refresh: cfg.Refresh, Length: cfg.Length, Demo: cfg.Demo,
				Source: workspaceSource(cfg), Watchlists: cfg.Watchlists, Rules: cfg.Rules}}
	}
	return out
}
