package main

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/workspaces"
)

// sessionOptions are the dashboard options of a session in workspace w:
// that workspace's shared cache and scan hub (all sessions of a workspace
// share them), the session's context and timers, and no export, no saving
// of watchlists and no snapshot: those would write on the server.
func (s *server) sessionOptions(ctx context.Context, w *servedWorkspace, noColor bool) ui.Options {
	cfg := w.cfg
	return ui.Options{Cache: w.be.cache, Context: ctx, Theme: cfg.Theme, NoColor: noColor,
		Refresh: cfg.Refresh, Length: cfg.Length, Demo: cfg.Demo, Source: workspaceSource(cfg), Watchlists: cfg.Watchlists, Now: s.app.now,
		Tick: s.tick(ctx), ScanHub: w.scans, Rules: cfg.Rules}
}

// sessionModel is a session's dashboard: the workspace its user name
// picked alone, or, when its key may open other served workspaces too,
// the workspace picker (K) over exactly those, starting on the picked one.
// A workspace the key may not open is not offered, so no path of the
// session reaches its client.
func (s *server) sessionModel(ctx context.Context, sess ssh.Session, noColor bool) tea.Model {
	picked := workspaceOf(sess)
	allowed := s.allowedWorkspaces(sess.PublicKey(), picked)
	if len(allowed) < 2 {
		o := s.sessionOptions(ctx, picked, noColor)
		if s.app.model != nil {
			return s.app.model(o)
		}
		return ui.New(o)
	}
	spaces := make([]workspaces.Workspace, len(allowed))
	first := 0
	for i, w := range allowed {
		if w == picked {
			first = i
		}
		spaces[i] = workspaces.Workspace{Name: w.name, Endpoint: w.cfg.Endpoint,
			Open: func() (*ui.Model, error) { return ui.New(s.sessionOptions(ctx, w, noColor)), nil }}
	}
	s.log.Info("workspaces offered", "user", sess.User(), "remote", sess.RemoteAddr().String(), "workspaces", workspaceNames(allowed))
	return workspaces.New(spaces, first, s.app.now)
}

// allowedWorkspaces are the served workspaces key may open, in the
// server's order: picked (authorize let the key in for it at this login)
// and every other whose authorized keys file, read now, lists the key.
func (s *server) allowedWorkspaces(key ssh.PublicKey, picked *servedWorkspace) []*servedWorkspace {
	var out []*servedWorkspace
	for _, w := range s.spaces {
		if w == picked || (key != nil && s.keyListed(w.keysFile(s.flags), key)) {
			out = append(out, w)
		}
	}
	return out
}
