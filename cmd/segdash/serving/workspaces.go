// Package serving builds what `segdash serve` serves from the
// configuration: each workspace's shared client, cache and scan hub, what
// is kept of it between runs, the metrics' scheduled scans, and the cost
// gate of a check over SSH. The SSH server itself is ui/sshserve.
package serving

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/metrics"
	"github.com/segdash/segdash/ui/sshserve"
)

// Workspace is one workspace served: its configuration, its client and
// cache and its scan hub, shared by all its sessions (and the metrics'
// schedule) and by no other workspace's.
type Workspace struct {
	// Config is the workspace's configuration.
	Config config.Config
	// Backend is its client and cache.
	Backend *config.Backend
	// Hub runs its scans, one at a time for everyone.
	Hub   *monitor.Hub
	saved *saved
}

// Workspaces are the workspaces served, in order.
type Workspaces []Workspace

// Options are how Connect builds the workspaces.
type Options struct {
	// Now is the clock of the caches and of the demo API.
	Now func() time.Time
	// UserAgent is the clients' User-Agent.
	UserAgent string
	// Metrics, when not nil, counts each client's requests.
	Metrics *metrics.Metrics
	// Warn tells what could not be loaded.
	Warn func(string)
}

// Connect gives each workspace its own client, cache and scan hub (its
// scans end with ctx), with what earlier runs saved of it loaded into the
// cache. The ones connected are returned with an error too, to be closed.
func Connect(ctx context.Context, cfgs []config.Config, o Options) (Workspaces, error) {
	var out Workspaces
	for _, cfg := range cfgs {
		co := config.ConnectOptions{Now: o.Now, DemoNow: o.Now, UserAgent: o.UserAgent}
		if o.Metrics != nil {
			co.Client = append(co.Client, client.WithRequestObserver(o.Metrics.RequestObserver(cfg.Workspace)))
		}
		be, err := config.Connect(cfg, co)
		if err != nil {
			return out, fmt.Errorf("workspace %s: %w", cfg.Workspace, err)
		}
		out = append(out, Workspace{Config: cfg, Backend: be, Hub: monitor.NewHub(ctx),
			saved: openSaved(cfg, be.Cache, o.Now, o.Warn)})
	}
	return out, nil
}

// Close releases every workspace's connections.
func (ws Workspaces) Close() {
	for _, w := range ws {
		w.Backend.Close()
	}
}

// Find is the workspace called name.
func (ws Workspaces) Find(name string) (Workspace, bool) {
	for _, w := range ws {
		if w.Config.Workspace == name {
			return w, true
		}
	}
	return Workspace{}, false
}

// SSH are the workspaces as the SSH server serves them: each session's
// dashboard on the workspace's shared cache and scan hub, with no export,
// no saving of watchlists and no snapshot of its own: those would write
// on the server (the server saves the shared cache itself).
func (ws Workspaces) SSH() []sshserve.Workspace {
	out := make([]sshserve.Workspace, len(ws))
	for i, w := range ws {
		cfg := w.Config
		out[i] = sshserve.Workspace{Name: cfg.Workspace, Endpoint: cfg.Endpoint, Demo: cfg.Demo, AuthorizedKeys: cfg.AuthorizedKeys,
			Dashboard: ui.Options{Cache: w.Backend.Cache, ScanHub: w.Hub, Theme: cfg.Theme, Refresh: cfg.Refresh, Length: cfg.Length, Demo: cfg.Demo,
				DemoNote: "the server has no API key", Source: cfg.Title(), Watchlists: cfg.Watchlists, Rules: cfg.Rules, Silences: cfg.Silences, Workspace: cfg.Workspace}}
	}
	return out
}

// CheckKeys checks at start that the authorized keys file at path (""
// for none) holds a public key; what names it in the error
// ("--authorized-keys", "workspace eu: authorized_keys").
func CheckKeys(what, path string) error {
	if path == "" {
		return nil
	}
	n, err := sshserve.CountAuthorizedKeys(path)
	switch {
	case err != nil:
		return fmt.Errorf("%s %s: %w", what, path, err)
	case n == 0:
		return fmt.Errorf("%s %s holds no public key", what, path)
	}
	return nil
}

// SessionRequests is the hourly request share of a session: none for the
// demo, whose data costs nothing.
func SessionRequests(n int, cfgs []config.Config) int {
	for _, c := range cfgs {
		if !c.Demo {
			return n
		}
	}
	return 0
}

// LoopbackListen reports whether addr listens on loopback only.
func LoopbackListen(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && host != "" && client.IsLoopback(host)
}
