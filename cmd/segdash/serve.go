package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/serving"
	"github.com/segdash/segdash/ui/metrics"
	"github.com/segdash/segdash/ui/sshserve"
)

// serveFlags are the flags of `segdash serve`.
type serveFlags struct {
	listen         string
	hostKey        string
	authorizedKeys string
	allowAnyKey    bool
	maxSessions    int
	maxConns       int
	idleTimeout    time.Duration
	connRate       float64
	connBurst      int
	handshake      time.Duration
	maxUnauth      int
	maxUnauthPerIP int
	// sessionRequests is --session-requests: a session's hourly share of
	// the API budget.
	sessionRequests int
	// metrics is --metrics (the address of /metrics, "" for none) and
	// scanEvery --scan-every; runServe opens metricsLn on it (tests open
	// their own). scanTicker, when set, ticks the scheduled scans (tests).
	metrics    string
	scanEvery  time.Duration
	metricsLn  net.Listener
	scanTicker metrics.Ticker
	// idleCheck, when set, is how often idleness is checked (tests).
	idleCheck time.Duration
}

func (a *app) newServeCmd() *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the dashboard over SSH to everyone with an authorised key",
		Long: `serve runs an SSH server: every authorised key gets the live dashboard with
"ssh -p 23234 HOST", and "ssh -p 23234 HOST check [flags] SEGMENT..." runs a one-shot
check. The Braze API keys stay on this machine.

With workspaces in the config file, every workspace is served: the SSH user name
picks it ("ssh -p 23234 eu@HOST"); another name gets default_workspace, or is
refused when there is none. A workspace's authorized_keys (in its entry) decides
who may open it; the others use --authorized-keys. A key allowed in several
workspaces gets the workspace picker (K) over exactly those; the others are
never shown to it. All sessions of a workspace share its client and cache;
workspaces share nothing. --workspace NAME serves that one workspace to every
user name.

--metrics ADDR serves Prometheus metrics at http://ADDR/metrics: a scan of every
segment of every workspace runs at start and every --scan-every (the dashboards'
S joins it rather than paying twice), and a scrape reads its newest answer and
sends no API request. The metrics hold segment names and ask for no login: bind
ADDR to loopback, or put it behind your proxy.

What the server learns of a workspace (its listing, closed 100-day chunks) is
saved in the user cache directory after each scheduled scan and at shutdown,
and loaded at the next start, so a restart does not list the workspace again.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runServe(cmd, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", "127.0.0.1:23234", "address to listen on")
	fl.StringVar(&f.hostKey, "host-key", "", "host key file (default: ssh_host_ed25519 beside the config file: in $XDG_CONFIG_HOME/segdash, else ~/.config/segdash, unless one exists in the OS's config folder; generated with mode 0600 when missing)")
	fl.StringVar(&f.authorizedKeys, "authorized-keys", "", "authorized_keys file of the public keys allowed in (re-read on every login)")
	fl.BoolVar(&f.allowAnyKey, "insecure-allow-any-key", false, "DANGEROUS: let ANY public key in (no authorized keys file)")
	fl.IntVar(&f.maxSessions, "max-sessions", 32, fmt.Sprintf("most sessions at once; one more is politely refused (each is budgeted %.1f MB: its window is capped at %d×%d)",
		float64(sshserve.SessionMemory)/1e6, sshserve.MaxWindowWidth, sshserve.MaxWindowHeight))
	fl.IntVar(&f.maxConns, "max-connections", 0, fmt.Sprintf("most authenticated connections at once, with a session or not; one that holds no session for %s is closed (default: twice --max-sessions)", sshserve.PreSessionTimeout))
	fl.DurationVar(&f.idleTimeout, "idle-timeout", 30*time.Minute, "close dashboards without input, and connections without traffic, this long")
	// No flag default: the help states it once (config file, else 5m).
	fl.Duration("refresh", 0, "live refresh interval of the dashboards, 0 turns it off (default: refresh in the config file, else 5m; the demo 10s)")
	fl.Float64Var(&f.connRate, "conn-rate", 1, "new sessions per second allowed from one IP address")
	fl.IntVar(&f.connBurst, "conn-burst", 10, "burst of new sessions allowed from one IP address")
	fl.DurationVar(&f.handshake, "handshake-timeout", 10*time.Second, "drop a connection that has not finished the SSH handshake and authentication this long after connecting")
	fl.IntVar(&f.maxUnauth, "max-unauthenticated", 32, "most connections at once that have not authenticated yet; more are dropped at once")
	fl.IntVar(&f.sessionRequests, "session-requests", 3600, fmt.Sprintf("most API requests one SSH session's dashboard may cause in an hour, 1/%d of them at once, so that no one viewer spends the workspace's shared budget (Braze: 250,000 an hour); scans (S) are shared and not counted; 0: no bound; the demo has none", sshserve.SessionBurst))
	fl.StringVar(&f.metrics, "metrics", "", serving.MetricsFlagHelp)
	fl.DurationVar(&f.scanEvery, "scan-every", time.Hour, "with --metrics: scan every segment of every workspace this often, the first at start (at least 1m; each scan costs a request per tracked segment whose series is older than the cache's TTL)")
	fl.IntVar(&f.maxUnauthPerIP, "max-unauthenticated-per-ip", 8, "most of those from one IP address (IPv6: one /64), so one address cannot lock the others out")
	return cmd
}

func (a *app) runServe(cmd *cobra.Command, f *serveFlags) error {
	if err := f.validate(); err != nil {
		return err
	}
	cfgs, def, err := a.serveConfigs(cmd)
	if err != nil {
		return err
	}
	for i := range cfgs {
		printWarnings(a.errw, cfgs[i])
		if err := serving.CheckKeys("workspace "+cfgs[i].Workspace+": authorized_keys", cfgs[i].AuthorizedKeys); err != nil {
			return err
		}
		cfgs[i].DemoPace(config.DemoDay)
	}
	logger := slog.New(slog.NewTextHandler(a.errw, nil))
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %w", f.listen, err)
	}
	if f.metrics != "" {
		if f.metricsLn, err = net.Listen("tcp", f.metrics); err != nil {
			ln.Close()
			return fmt.Errorf("--metrics %s: %w", f.metrics, err)
		}
	}
	return a.serveWorkspaces(cmd.Context(), f, cfgs, def, ln, logger)
}

func (f *serveFlags) validate() error {
	switch {
	case f.authorizedKeys == "" && !f.allowAnyKey:
		return usageError("serve needs --authorized-keys FILE (the public keys allowed in); --insecure-allow-any-key lets anyone in")
	case f.authorizedKeys != "" && f.allowAnyKey:
		return usageError("--authorized-keys and --insecure-allow-any-key exclude each other")
	case f.allowAnyKey && !serving.LoopbackListen(f.listen):
		return usageError("--insecure-allow-any-key is for loopback only: on %s anyone who reaches the port would read the workspace; use --authorized-keys", f.listen)
	case f.maxSessions < 1:
		return usageError("--max-sessions must be at least 1")
	case f.sessionRequests < 0:
		return usageError("--session-requests must not be negative")
	case f.maxConns < 0:
		return usageError("--max-connections must not be negative")
	case f.idleTimeout < time.Second:
		return usageError("--idle-timeout must be at least 1s")
	case f.connRate <= 0 || f.connBurst < 1:
		return usageError("--conn-rate must be above 0 and --conn-burst at least 1")
	case f.handshake < 100*time.Millisecond || f.maxUnauth < 1 || f.maxUnauthPerIP < 1:
		return usageError("--handshake-timeout must be at least 100ms, and --max-unauthenticated and --max-unauthenticated-per-ip at least 1")
	case f.metrics != "" && f.scanEvery < serving.MinScanEvery:
		return usageError("--scan-every must be at least %s: each scan costs a request per tracked segment", serving.MinScanEvery)
	}
	if f.metrics != "" {
		if _, _, err := net.SplitHostPort(f.metrics); err != nil {
			return usageError("--metrics %q: want HOST:PORT, such as 127.0.0.1:9464", f.metrics)
		}
	}
	return serving.CheckKeys("--authorized-keys", f.authorizedKeys)
}

// serve runs the SSH server on ln until ctx ends, then shuts down: stop
// accepting, tell open sessions, close them, return within a few seconds.
func (a *app) serve(ctx context.Context, f *serveFlags, cfg config.Config, ln net.Listener, logger *slog.Logger) error {
	return a.serveWorkspaces(ctx, f, []config.Config{cfg}, cfg.Workspace, ln, logger)
}

// serveWorkspaces is serve for several workspaces: the SSH user name picks
// one, def (a name, or "") serves the other user names.
// With f.metricsLn it serves the metrics there too.
func (a *app) serveWorkspaces(ctx context.Context, f *serveFlags, cfgs []config.Config, def string, ln net.Listener, logger *slog.Logger) error {
	return serving.Serve(ctx, ln, cfgs, serving.ServeOptions{
		SSH: sshserve.Config{AuthorizedKeys: f.authorizedKeys, AllowAnyKey: f.allowAnyKey, Default: def,
			MaxSessions: f.maxSessions, MaxConnections: f.maxConns, IdleTimeout: f.idleTimeout,
			ConnRate: f.connRate, ConnBurst: f.connBurst, HandshakeTimeout: f.handshake,
			MaxUnauthenticated: f.maxUnauth, MaxUnauthenticatedPerIP: f.maxUnauthPerIP, SessionRequests: f.sessionRequests,
			Log: logger, Now: a.now, Tick: a.tick, Model: a.model, IdleCheck: f.idleCheck},
		HostKey: f.hostKey, ConfigDirs: config.Dirs(a.getenv, os.UserConfigDir),
		MetricsListener: f.metricsLn, ScanEvery: f.scanEvery, ScanTicker: f.scanTicker,
		UserAgent: "segdash/" + version(), Exec: a.execOverSSH,
	})
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
