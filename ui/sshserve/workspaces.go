package sshserve

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/workspaces"
)

// workspace is one served workspace with its scan hub: all its sessions
// share its cache and hub, and no other workspace's.
type workspace struct {
	Workspace
	// scans runs one workspace scan at a time for every session (and the
	// metrics' schedule): a second viewer pressing S joins it and costs
	// no request.
	scans *monitor.Hub
}

// addWorkspaces serves spaces; def names the one for other user names
// (the only one, when there is one).
func (s *server) addWorkspaces(spaces []Workspace, def string) {
	s.byName = map[string]*workspace{}
	for _, ws := range spaces {
		hub := ws.Dashboard.ScanHub
		if hub == nil {
			hub = monitor.NewHub(s.ctx)
		}
		w := &workspace{Workspace: ws, scans: hub}
		s.spaces = append(s.spaces, w)
		if w.Name != "" {
			s.byName[w.Name] = w
		}
		if w.Name == def || len(spaces) == 1 {
			s.def = w
		}
	}
}

// keysFile is the authorized keys file of the workspace: its own, else the
// server's.
func (s *server) keysFile(w *workspace) string {
	if w.AuthorizedKeys != "" {
		return w.AuthorizedKeys
	}
	return s.cfg.AuthorizedKeys
}

// workspaceKey is the connection's context key of its workspace.
type workspaceKey struct{}

// workspaceOf is the workspace authorize chose for the session's
// connection (nil: none).
func workspaceOf(sess ssh.Session) *workspace {
	w, _ := sess.Context().Value(workspaceKey{}).(*workspace)
	return w
}

// pick is the workspace the SSH user name picks: the one of that name,
// else the default (nil when there is none).
func (s *server) pick(user string) *workspace {
	if w, ok := s.byName[user]; ok {
		return w
	}
	return s.def
}

// requireWorkspace refuses, with the names and ExitRefused, a session
// whose user name picks no workspace.
func (s *server) requireWorkspace(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if workspaceOf(sess) == nil {
			s.warnRepeated(sess.RemoteAddr(), "refused: no workspace", "user", shortUser(sess.User()))
			refuse(sess, "segdash: no workspace %q on this server, and no default_workspace; connect as one of: %s (ssh -p PORT NAME@HOST)\r\n",
				shortUser(sess.User()), strings.Join(workspaceNames(s.spaces), ", "))
			return
		}
		w := workspaceOf(sess)
		s.cfg.Observer.SessionOpened(w.Name)
		defer s.cfg.Observer.SessionClosed(w.Name)
		next(sess)
	}
}

// workspaceNames are the names of spaces, in order.
func workspaceNames(spaces []*workspace) []string {
	var out []string
	for _, w := range spaces {
		out = append(out, w.Name)
	}
	return out
}

// logWorkspaces logs what is served: one line per workspace.
func (s *server) logWorkspaces(addr string) {
	for _, w := range s.spaces {
		source := w.Endpoint
		if w.Demo {
			source = "built-in demo data (no BRAZE_API_KEY set)"
		}
		s.log.Info("serving the dashboard over SSH", "addr", addr, "workspace", source, "name", w.Name, "default", w == s.def,
			"host_key", s.cfg.HostKeyPath, "authorized_keys", s.keysFile(w), "max_sessions", s.cfg.MaxSessions,
			"max_connections", s.cfg.MaxConnections,
			"session_memory_budget_mb", MemoryBudget(s.cfg.MaxSessions)>>20)
	}
}

// keyListed says whether the authorized keys file lists key; "" (only
// with AllowAnyKey) lets every key in.
func (s *server) keyListed(file string, key ssh.PublicKey) bool {
	if file == "" {
		return s.cfg.AllowAnyKey
	}
	keys, err := readAuthorizedKeys(file)
	if err != nil {
		s.log.Error("reading the authorized keys", "file", file, "err", err)
		return false
	}
	for _, k := range keys {
		if ssh.KeysEqual(key, k) {
			return true
		}
	}
	return false
}

// sessionOptions are the dashboard options of a session in workspace w:
// the workspace's own (its shared cache), its scan hub, and the session's
// context, clock and timers.
func (s *server) sessionOptions(ctx context.Context, w *workspace, noColor bool) ui.Options {
	o := w.Dashboard
	o.Context, o.Now, o.Tick, o.NoColor, o.ScanHub = ctx, s.cfg.Now, s.cfg.Tick(ctx), noColor, w.scans
	return o
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
		if s.cfg.Model != nil {
			return s.cfg.Model(o)
		}
		return ui.New(o)
	}
	spaces := make([]workspaces.Workspace, len(allowed))
	first := 0
	for i, w := range allowed {
		if w == picked {
			first = i
		}
		spaces[i] = workspaces.Workspace{Name: w.Name, Endpoint: w.Endpoint,
			Open: func() (*ui.Model, error) { return ui.New(s.sessionOptions(ctx, w, noColor)), nil }}
	}
	s.log.Info("workspaces offered", "user", shortUser(sess.User()), "remote", sess.RemoteAddr().String(), "workspaces", workspaceNames(allowed))
	return workspaces.New(spaces, first, s.cfg.Now)
}

// allowedWorkspaces are the served workspaces key may open, in the
// server's order: picked (authorize let the key in for it at this login)
// and every other whose authorized keys file, read now, lists the key.
func (s *server) allowedWorkspaces(key ssh.PublicKey, picked *workspace) []*workspace {
	var out []*workspace
	for _, w := range s.spaces {
		if w == picked || (key != nil && s.keyListed(s.keysFile(w), key)) {
			out = append(out, w)
		}
	}
	return out
}
