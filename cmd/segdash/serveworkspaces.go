package main

import (
	"fmt"
	"strings"

	"charm.land/ssh"
	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// servedWorkspace is one workspace of `segdash serve`: its configuration,
// client and cache, and scan hub, shared by all its sessions and by no
// other workspace's.
type servedWorkspace struct {
	name string
	cfg  config.Config
	be   *backend
	// scans runs one workspace scan at a time for every session: a
	// second viewer pressing S joins it and costs no request.
	scans *monitor.Hub
}

// keysFile is the authorized keys file of the workspace: its own, else the
// server's.
func (w *servedWorkspace) keysFile(f *serveFlags) string {
	if w.cfg.AuthorizedKeys != "" {
		return w.cfg.AuthorizedKeys
	}
	return f.authorizedKeys
}

// workspaceKey is the connection's context key of its workspace.
type workspaceKey struct{}

// workspaceOf is the workspace authorize chose for the session's
// connection (nil: none).
func workspaceOf(sess ssh.Session) *servedWorkspace {
	w, _ := sess.Context().Value(workspaceKey{}).(*servedWorkspace)
	return w
}

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
	n, err := countAuthorizedKeys(cfg.AuthorizedKeys)
	switch {
	case err != nil:
		return fmt.Errorf("workspace %s: authorized_keys %s: %w", cfg.Workspace, cfg.AuthorizedKeys, err)
	case n == 0:
		return fmt.Errorf("workspace %s: authorized_keys %s holds no public key", cfg.Workspace, cfg.AuthorizedKeys)
	}
	return nil
}

// connectWorkspaces gives each workspace its own client and cache.
func (s *server) connectWorkspaces(cfgs []config.Config, def string) error {
	s.byName = map[string]*servedWorkspace{}
	for _, cfg := range cfgs {
		be, err := connect(cfg, s.app.now, demoClock(s.app.now), false)
		if err != nil {
			return fmt.Errorf("workspace %s: %w", cfg.Workspace, err)
		}
		w := &servedWorkspace{name: cfg.Workspace, cfg: cfg, be: be, scans: monitor.NewHub(s.ctx)}
		s.spaces = append(s.spaces, w)
		if w.name != "" {
			s.byName[w.name] = w
		}
		if w.name == def || len(cfgs) == 1 {
			s.def = w
		}
	}
	return nil
}

// closeWorkspaces releases every workspace's connections.
func (s *server) closeWorkspaces() {
	for _, w := range s.spaces {
		w.be.Close()
	}
}

// pick is the workspace the SSH user name picks: the one of that name,
// else the default (nil when there is none).
func (s *server) pick(user string) *servedWorkspace {
	if w, ok := s.byName[user]; ok {
		return w
	}
	return s.def
}

// requireWorkspace refuses, with the names and exit status 2, a session
// whose user name picks no workspace.
func (s *server) requireWorkspace(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if workspaceOf(sess) == nil {
			s.log.Warn("refused: no workspace", "user", sess.User(), "remote", sess.RemoteAddr().String())
			refuse(sess, "segdash: no workspace %q on this server, and no default_workspace; connect as one of: %s (ssh -p PORT NAME@HOST)\r\n",
				sess.User(), strings.Join(s.names(), ", "))
			return
		}
		next(sess)
	}
}

// names are the served workspaces' names.
func (s *server) names() []string { return workspaceNames(s.spaces) }

// workspaceNames are the names of spaces, in order.
func workspaceNames(spaces []*servedWorkspace) []string {
	var out []string
	for _, w := range spaces {
		out = append(out, w.name)
	}
	return out
}

// logWorkspaces logs what is served: one line per workspace.
func (s *server) logWorkspaces(addr, hostKey string) {
	for _, w := range s.spaces {
		source := w.cfg.Endpoint
		if w.cfg.Demo {
			source = "built-in demo data (no BRAZE_API_KEY set)"
		}
		def := w == s.def
		s.log.Info("serving the dashboard over SSH", "addr", addr, "workspace", source, "name", w.name, "default", def,
			"host_key", hostKey, "authorized_keys", w.keysFile(s.flags), "max_sessions", s.flags.maxSessions)
	}
}

// keyListed says whether the authorized keys file lists key; "" (only
// with --insecure-allow-any-key) lets every key in.
func (s *server) keyListed(file string, key ssh.PublicKey) bool {
	if file == "" {
		return s.flags.allowAnyKey
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
