package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/ratelimiter"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// serveFlags are the flags of `segdash serve`.
type serveFlags struct {
	listen         string
	hostKey        string
	authorizedKeys string
	allowAnyKey    bool
	maxSessions    int
	idleTimeout    time.Duration
	connRate       float64
	connBurst      int
	handshake      time.Duration
	maxUnauth      int
	maxUnauthPerIP int
	// idleCheck, when set, is how often idleness is checked (tests).
	idleCheck time.Duration
}

// shutdownGrace is how long open sessions get to close on SIGINT/SIGTERM.
const shutdownGrace = 3 * time.Second

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
user name.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runServe(cmd, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", "127.0.0.1:23234", "address to listen on")
	fl.StringVar(&f.hostKey, "host-key", "", "host key file (default: segdash/ssh_host_ed25519 in the user config dir; generated with mode 0600 when missing)")
	fl.StringVar(&f.authorizedKeys, "authorized-keys", "", "authorized_keys file of the public keys allowed in (re-read on every login)")
	fl.BoolVar(&f.allowAnyKey, "insecure-allow-any-key", false, "DANGEROUS: let ANY public key in (no authorized keys file)")
	fl.IntVar(&f.maxSessions, "max-sessions", 32, "most sessions at once; one more is politely refused")
	fl.DurationVar(&f.idleTimeout, "idle-timeout", 30*time.Minute, "close dashboards without input, and connections without traffic, this long")
	// No flag default: the help states it once (config file, else 5m).
	fl.Duration("refresh", 0, "live refresh interval of the dashboards, 0 turns it off (default: refresh in the config file, else 5m; the demo 10s)")
	fl.Float64Var(&f.connRate, "conn-rate", 1, "new sessions per second allowed from one IP address")
	fl.IntVar(&f.connBurst, "conn-burst", 10, "burst of new sessions allowed from one IP address")
	fl.DurationVar(&f.handshake, "handshake-timeout", 10*time.Second, "drop a connection that has not finished the SSH handshake and authentication this long after connecting")
	fl.IntVar(&f.maxUnauth, "max-unauthenticated", 32, "most connections at once that have not authenticated yet; more are dropped at once")
	fl.IntVar(&f.maxUnauthPerIP, "max-unauthenticated-per-ip", 8, "most of those from one IP address (IPv6: one /64), so one address cannot lock the others out")
	return cmd
}

// server is a running `segdash serve`.
type server struct {
	app   *app
	flags *serveFlags
	// spaces are the workspaces served, each with its own client, cache
	// and scan hub; byName finds them by SSH user name; def is the one
	// for other user names (nil: those are refused).
	spaces []*servedWorkspace
	byName map[string]*servedWorkspace
	def    *servedWorkspace
	log    *slog.Logger
	ctx    context.Context // cancelled at shutdown: ends every session
	// tick makes a session's timers; they end with the session's context.
	tick   func(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	active atomic.Int32
	unauth *unauthLimiter // connections not authenticated yet
	wg     sync.WaitGroup // session handlers
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
		if err := checkWorkspaceKeys(cfgs[i]); err != nil {
			return err
		}
		cfgs[i].DemoPace(demoDay)
	}
	logger := slog.New(slog.NewTextHandler(a.errw, nil))
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %w", f.listen, err)
	}
	return a.serveWorkspaces(cmd.Context(), f, cfgs, def, ln, logger)
}

// loopbackListen reports whether addr listens on loopback only.
func loopbackListen(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && host != "" && client.IsLoopback(host)
}

func (f *serveFlags) validate() error {
	switch {
	case f.authorizedKeys == "" && !f.allowAnyKey:
		return usageError("serve needs --authorized-keys FILE (the public keys allowed in); --insecure-allow-any-key lets anyone in")
	case f.authorizedKeys != "" && f.allowAnyKey:
		return usageError("--authorized-keys and --insecure-allow-any-key exclude each other")
	case f.allowAnyKey && !loopbackListen(f.listen):
		return usageError("--insecure-allow-any-key is for loopback only: on %s anyone who reaches the port would read the workspace; use --authorized-keys", f.listen)
	case f.maxSessions < 1:
		return usageError("--max-sessions must be at least 1")
	case f.idleTimeout < time.Second:
		return usageError("--idle-timeout must be at least 1s")
	case f.connRate <= 0 || f.connBurst < 1:
		return usageError("--conn-rate must be above 0 and --conn-burst at least 1")
	case f.handshake < 100*time.Millisecond || f.maxUnauth < 1 || f.maxUnauthPerIP < 1:
		return usageError("--handshake-timeout must be at least 100ms, and --max-unauthenticated and --max-unauthenticated-per-ip at least 1")
	}
	if f.authorizedKeys != "" {
		n, err := countAuthorizedKeys(f.authorizedKeys)
		if err != nil {
			return fmt.Errorf("--authorized-keys %s: %w", f.authorizedKeys, err)
		}
		if n == 0 {
			return fmt.Errorf("--authorized-keys %s holds no public key", f.authorizedKeys)
		}
	}
	return nil
}

// serve runs the SSH server on ln until ctx ends, then shuts down: stop
// accepting, tell open sessions, close them, return within a few seconds.
func (a *app) serve(ctx context.Context, f *serveFlags, cfg config.Config, ln net.Listener, logger *slog.Logger) error {
	return a.serveWorkspaces(ctx, f, []config.Config{cfg}, cfg.Workspace, ln, logger)
}

// serveWorkspaces is serve for several workspaces: the SSH user name picks
// one, def (a name, or "") serves the other user names.
func (a *app) serveWorkspaces(ctx context.Context, f *serveFlags, cfgs []config.Config, def string, ln net.Listener, logger *slog.Logger) error {
	hostKey, err := hostKeyPath(f.hostKey)
	if err != nil {
		ln.Close()
		return err
	}
	hostSigner, err := loadHostKey(hostKey)
	if err != nil {
		ln.Close()
		return err
	}
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{app: a, flags: f, log: logger, ctx: sctx, tick: a.sessionTick, unauth: newUnauthLimiter(f.maxUnauth, f.maxUnauthPerIP)}
	defer s.closeWorkspaces()
	if err := s.connectWorkspaces(cfgs, def); err != nil {
		ln.Close()
		return err
	}
	if a.tick != nil {
		s.tick = a.tick
	}
	srv, err := wish.NewServer(
		wish.WithPublicKeyAuth(s.authorize),
		wish.WithIdleTimeout(f.idleTimeout),
		func(srv *ssh.Server) error {
			srv.AddHostKey(hostSigner)
			srv.HandshakeTimeout = f.handshake
			srv.ConnCallback = s.countUnauthenticated
			return nil
		},
		wish.WithMiddleware(
			s.dashboard,
			s.oneShot,
			s.requireWorkspace,
			s.limitSessions,
			s.rateLimit(ratelimiter.NewRateLimiter(rate.Limit(f.connRate), f.connBurst, 4096)),
			s.logSessions,
			s.recoverPanics,
		),
	)
	if err != nil {
		ln.Close()
		return fmt.Errorf("ssh server: %w", err)
	}
	s.logWorkspaces(ln.Addr().String(), hostKey)
	if f.allowAnyKey {
		logger.Warn("ANY public key is let in (--insecure-allow-any-key)")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down", "open_sessions", s.active.Load())
	ln.Close() // stop accepting
	cancel()   // every session's dashboard ends and says why
	ended := make(chan struct{})
	go func() { s.wg.Wait(); close(ended) }()
	select {
	case <-ended:
	case <-time.After(shutdownGrace):
		logger.Warn("sessions still open after the grace; closing them", "open_sessions", s.active.Load())
	}
	srv.Close() // drops the connections the clients keep open
	<-errc
	<-ended
	logger.Info("stopped")
	return nil
}

// authorize lets a key in when the authorized keys file of the workspace
// its SSH user name picks lists it (re-read every time, so adding a key
// needs no restart), and remembers that workspace for the connection. A
// user name that picks no workspace (no default) is let in only with a key
// of the server's --authorized-keys, to be told the names and refused.
func (s *server) authorize(ctx ssh.Context, key ssh.PublicKey) bool {
	w := s.pick(ctx.User())
	file := s.flags.authorizedKeys
	if w != nil {
		file = w.keysFile(s.flags)
	}
	if s.keyListed(file, key) {
		ctx.SetValue(workspaceKey{}, w)
		authenticated(ctx)
		return true
	}
	name := ""
	if w != nil {
		name = w.name
	}
	s.log.Warn("refused key", "fingerprint", gossh.FingerprintSHA256(key), "user", ctx.User(), "workspace", name, "remote", ctx.RemoteAddr().String())
	return false
}
