// Package sshserve serves the dashboard, and one-shot commands, over SSH:
// one server for every served workspace, a new dashboard per session on
// the workspace's shared cache, and the limits that keep one client from
// taking the server or its log.
package sshserve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/ratelimiter"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"github.com/segdash/segdash/ui"
)

// ExitRefused is the exit status of a refused session (server full, rate
// limit, no workspace, internal error): 2, as for a usage or API error of
// `check`, because status 1 means a threshold breach to its scripts.
const ExitRefused = 2

// ShutdownGrace is how long open sessions get to close when the server
// stops, before their connections are dropped.
const ShutdownGrace = 3 * time.Second

// PreSessionTimeout is the default of Config.PreSessionTimeout.
const PreSessionTimeout = 30 * time.Second

// ExecFunc runs a one-shot command (a session without a terminal) in the
// named workspace with the session's words and returns its exit status.
// env is the environment the SSH client sent (ssh's SendEnv/SetEnv): the
// session's own, for its colour choices, never the server's.
// ctx ends when the session or the server does.
type ExecFunc func(ctx context.Context, workspace string, args, env []string, stdout, stderr io.Writer) int

// TickFunc makes a session's timer commands (ui.Options.Tick); they must
// end with ctx.
type TickFunc func(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

// Workspace is one served workspace.
type Workspace struct {
	// Name is the SSH user name that picks it ("" for the one unnamed
	// workspace).
	Name string
	// Endpoint is the workspace's API endpoint, logged and shown in the
	// workspace picker.
	Endpoint string
	// Demo marks the built-in demo data (logged as such).
	Demo bool
	// AuthorizedKeys is the workspace's own authorized_keys file; ""
	// uses Config.AuthorizedKeys.
	AuthorizedKeys string
	// Dashboard are the options every session's dashboard starts from:
	// the workspace's shared cache, theme, length, refresh, watchlists,
	// rules, and its scan hub (nil: the server makes one). The server sets
	// Context, Now, Tick and NoColor.
	Dashboard ui.Options
}

// Observer is told when sessions and authenticated connections start and
// end. Its methods must be safe for concurrent use and quick.
type Observer interface {
	// SessionOpened and SessionClosed bracket a session let into the
	// named workspace.
	SessionOpened(workspace string)
	SessionClosed(workspace string)
	// ConnectionOpened and ConnectionClosed bracket an authenticated
	// connection.
	ConnectionOpened()
	ConnectionClosed()
}

// noObserver is the Observer of a server without one.
type noObserver struct{}

func (noObserver) SessionOpened(string) {}
func (noObserver) SessionClosed(string) {}
func (noObserver) ConnectionOpened()    {}
func (noObserver) ConnectionClosed()    {}

// Config is what a server serves and its limits.
type Config struct {
	// HostKey is the server's host key; HostKeyPath is only logged.
	HostKey     gossh.Signer
	HostKeyPath string
	// AuthorizedKeys is the file of the keys allowed in, read at every
	// login; "" with AllowAnyKey lets every key in.
	AuthorizedKeys string
	AllowAnyKey    bool
	// Workspaces are served by the SSH user name; Default names the one
	// for other user names ("" : those are refused, unless only one
	// workspace is served).
	Workspaces []Workspace
	Default    string

	// MaxSessions is the most sessions at once; one more is told the
	// server is full.
	MaxSessions int
	// MaxConnections is the most authenticated connections at once, with
	// a session or not (0: twice MaxSessions).
	MaxConnections int
	// PreSessionTimeout closes an authenticated connection that holds no
	// session this long (0: PreSessionTimeout).
	PreSessionTimeout time.Duration
	// IdleTimeout closes a dashboard without input, and a connection
	// without traffic, this long.
	IdleTimeout time.Duration
	// ConnRate and ConnBurst bound the new sessions per second from one
	// IP address.
	ConnRate  float64
	ConnBurst int
	// HandshakeTimeout drops a connection not authenticated this long
	// after it connected.
	HandshakeTimeout time.Duration
	// MaxUnauthenticated bounds the connections not authenticated yet,
	// MaxUnauthenticatedPerIP those from one address (IPv6: one /64).
	MaxUnauthenticated, MaxUnauthenticatedPerIP int

	// SessionRequests bounds the API requests one session's dashboards
	// may cause in an hour (0: no bound), so that no one viewer spends
	// the workspace's shared budget.
	SessionRequests int

	// Observer is told of sessions and connections (nil: no one), for
	// metrics.
	Observer Observer

	// Exec runs one-shot commands; nil refuses them.
	Exec ExecFunc
	// Log receives the server's log (nil: discarded).
	Log *slog.Logger
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// Tick makes the sessions' timers (nil: real timers that end with
	// their session).
	Tick TickFunc
	// Model makes a session's dashboard (nil: ui.New); tests replace it.
	Model func(ui.Options) tea.Model
	// IdleCheck is how often idleness is checked (0: a quarter of
	// IdleTimeout, at most 30 s).
	IdleCheck time.Duration
	// Sleep waits d or until ctx ends (nil: a timer): the delay of a
	// failed authentication. AfterFunc calls f after d unless stopped
	// (nil: time.AfterFunc): the pre-session timeout.
	Sleep     func(ctx context.Context, d time.Duration)
	AfterFunc func(d time.Duration, f func()) (stop func() bool)
}

// withDefaults fills the zero values that have one.
func (c Config) withDefaults() Config {
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.MaxConnections == 0 {
		c.MaxConnections = 2 * c.MaxSessions
	}
	if c.PreSessionTimeout == 0 {
		c.PreSessionTimeout = PreSessionTimeout
	}
	if c.Observer == nil {
		c.Observer = noObserver{}
	}
	if c.Sleep == nil {
		c.Sleep = sleep
	}
	if c.AfterFunc == nil {
		c.AfterFunc = func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }
	}
	if c.Tick == nil {
		c.Tick = sessionTick(c.Now)
	}
	return c
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// server is a running server: its configuration, workspaces and counts.
type server struct {
	cfg    Config
	log    *slog.Logger
	spaces []*workspace
	byName map[string]*workspace
	def    *workspace
	ctx    context.Context // cancelled at shutdown: ends every session

	active   atomic.Int32   // sessions
	conns    atomic.Int32   // authenticated connections
	unauth   *unauthLimiter // connections not authenticated yet
	failures *authThrottle  // failed authentications by address
	repeats  *logLimiter    // repeated warnings by address
	wg       sync.WaitGroup // session handlers
}

// newServer builds the server of cfg, its workspaces on ctx.
func newServer(ctx context.Context, cfg Config) *server {
	cfg = cfg.withDefaults()
	s := &server{cfg: cfg, log: cfg.Log, ctx: ctx,
		unauth:   newUnauthLimiter(cfg.MaxUnauthenticated, cfg.MaxUnauthenticatedPerIP),
		failures: newAuthThrottle(cfg.Now),
		repeats:  newLogLimiter(cfg.Now, logRepeatEvery),
	}
	s.addWorkspaces(cfg.Workspaces, cfg.Default)
	return s
}

// Serve runs the SSH server on ln until ctx ends, then shuts down: stop
// accepting, tell open sessions, close them, return within ShutdownGrace
// or little more. It closes ln.
func Serve(ctx context.Context, ln net.Listener, cfg Config) error {
	if cfg.HostKey == nil || len(cfg.Workspaces) == 0 {
		ln.Close()
		return errors.New("sshserve: no host key or no workspace")
	}
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := newServer(sctx, cfg)
	srv, err := s.wishServer()
	if err != nil {
		ln.Close()
		return fmt.Errorf("ssh server: %w", err)
	}
	s.logWorkspaces(ln.Addr().String())
	if s.cfg.AllowAnyKey {
		s.log.Warn("ANY public key is let in (--insecure-allow-any-key)")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "open_sessions", s.active.Load())
	ln.Close() // stop accepting
	cancel()   // every session's dashboard ends and says why
	ended := make(chan struct{})
	go func() { s.wg.Wait(); close(ended) }()
	select {
	case <-ended:
	case <-time.After(ShutdownGrace):
		s.log.Warn("sessions still open after the grace; closing them", "open_sessions", s.active.Load())
	}
	srv.Close() // drops the connections the clients keep open
	<-errc
	<-ended
	s.log.Info("stopped")
	return nil
}

// wishServer is the SSH server with its limits and the session chain:
// the last middleware listed runs first.
func (s *server) wishServer() (*ssh.Server, error) {
	return wish.NewServer(
		wish.WithPublicKeyAuth(s.authorize),
		wish.WithIdleTimeout(s.cfg.IdleTimeout),
		func(srv *ssh.Server) error {
			srv.AddHostKey(s.cfg.HostKey)
			srv.HandshakeTimeout = s.cfg.HandshakeTimeout
			srv.ConnCallback = s.trackConnection
			return nil
		},
		wish.WithMiddleware(
			s.dashboard,
			s.oneShot,
			s.requireWorkspace,
			s.limitSessions,
			s.rateLimit(ratelimiter.NewRateLimiter(rate.Limit(s.cfg.ConnRate), s.cfg.ConnBurst, 4096)),
			s.logSessions,
			s.limitCommand,
			s.holdConnection,
			s.recoverPanics,
		),
	)
}
