package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/ratelimiter"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
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
check. The Braze API key stays on this machine; all sessions share one client and cache.`,
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
	fl.Duration("refresh", config.DefaultRefresh, "live refresh interval of the dashboards (default: refresh in the config file, else 5m; the demo 10s)")
	fl.Float64Var(&f.connRate, "conn-rate", 1, "new sessions per second allowed from one IP address")
	fl.IntVar(&f.connBurst, "conn-burst", 10, "burst of new sessions allowed from one IP address")
	return cmd
}

// server is a running `segdash serve`.
type server struct {
	app   *app
	flags *serveFlags
	be    *backend
	cfg   config.Config
	log   *slog.Logger
	ctx   context.Context // cancelled at shutdown: ends every session
	// tick makes a session's timers; they end with the session's context.
	tick   func(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	active atomic.Int32
	wg     sync.WaitGroup // session handlers
}

func (a *app) runServe(cmd *cobra.Command, f *serveFlags) error {
	if err := f.validate(); err != nil {
		return err
	}
	cfg, err := a.resolveConfig(cmd)
	if err != nil {
		return err
	}
	printWarnings(a.errw, cfg)
	logger := slog.New(slog.NewTextHandler(a.errw, nil))
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %w", f.listen, err)
	}
	cfg.DemoPace(demoDay)
	return a.serve(cmd.Context(), f, cfg, ln, logger)
}

func (f *serveFlags) validate() error {
	switch {
	case f.authorizedKeys == "" && !f.allowAnyKey:
		return usageError("serve needs --authorized-keys FILE (the public keys allowed in); --insecure-allow-any-key lets anyone in")
	case f.authorizedKeys != "" && f.allowAnyKey:
		return usageError("--authorized-keys and --insecure-allow-any-key exclude each other")
	case f.maxSessions < 1:
		return usageError("--max-sessions must be at least 1")
	case f.idleTimeout < time.Second:
		return usageError("--idle-timeout must be at least 1s")
	case f.connRate <= 0 || f.connBurst < 1:
		return usageError("--conn-rate must be above 0 and --conn-burst at least 1")
	}
	if f.authorizedKeys != "" {
		n, err := countAuthorizedKeys(f.authorizedKeys)
		if err != nil {
			return fmt.Errorf("--authorized-keys: %w", err)
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
	hostKey, err := hostKeyPath(f.hostKey)
	if err != nil {
		ln.Close()
		return err
	}
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	be, err := connect(cfg, a.now, demoClock(a.now), false)
	if err != nil {
		ln.Close()
		return err
	}
	defer be.Close()
	s := &server{app: a, flags: f, be: be, cfg: cfg, log: logger, ctx: sctx, tick: a.sessionTick}
	if a.tick != nil {
		s.tick = a.tick
	}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(hostKey),
		wish.WithPublicKeyAuth(s.authorize),
		wish.WithIdleTimeout(f.idleTimeout),
		wish.WithMiddleware(
			s.dashboard,
			s.oneShot,
			s.limitSessions,
			ratelimiter.Middleware(ratelimiter.NewRateLimiter(rate.Limit(f.connRate), f.connBurst, 4096)),
			s.logSessions,
			s.recoverPanics,
		),
	)
	if err != nil {
		ln.Close()
		return fmt.Errorf("ssh server: %w", err)
	}
	source := cfg.Endpoint
	if cfg.Demo {
		source = "built-in demo data (no BRAZE_API_KEY set)"
	}
	logger.Info("serving the dashboard over SSH", "addr", ln.Addr().String(), "workspace", source,
		"host_key", hostKey, "authorized_keys", f.authorizedKeys, "max_sessions", f.maxSessions)
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

// hostKeyPath picks the host key file and makes sure its folder exists.
func hostKeyPath(p string) (string, error) {
	if p == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("no --host-key and no user config dir: %w", err)
		}
		p = filepath.Join(dir, "segdash", "ssh_host_ed25519")
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return "", fmt.Errorf("--host-key: %w", err)
	}
	return p, nil
}

// countAuthorizedKeys parses an authorized_keys file and counts its keys.
func countAuthorizedKeys(path string) (int, error) {
	keys, err := readAuthorizedKeys(path)
	return len(keys), err
}

func readAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var keys []gossh.PublicKey
	for len(strings.TrimSpace(string(b))) > 0 {
		k, _, _, rest, err := gossh.ParseAuthorizedKey(b)
		if err != nil {
			break // the rest holds no further valid key
		}
		keys = append(keys, k)
		b = rest
	}
	return keys, nil
}

// authorize lets a key in when the authorized keys file lists it (re-read
// every time, so adding a key needs no restart).
func (s *server) authorize(ctx ssh.Context, key ssh.PublicKey) bool {
	if s.flags.allowAnyKey {
		return true
	}
	keys, err := readAuthorizedKeys(s.flags.authorizedKeys)
	if err != nil {
		s.log.Error("reading the authorized keys", "err", err)
		return false
	}
	for _, k := range keys {
		if ssh.KeysEqual(key, k) {
			return true
		}
	}
	s.log.Warn("refused key", "fingerprint", gossh.FingerprintSHA256(key), "user", ctx.User(), "remote", ctx.RemoteAddr().String())
	return false
}

// recoverPanics keeps a panic in one session from taking the server down.
func (s *server) recoverPanics(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("panic in a session", "panic", fmt.Sprint(r), "remote", sess.RemoteAddr().String())
				wish.Fatalln(sess, "segdash: internal error; the session was closed")
			}
		}()
		next(sess)
	}
}

// logSessions logs connect and disconnect, with the key's fingerprint.
func (s *server) logSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		fp := ""
		if k := sess.PublicKey(); k != nil {
			fp = gossh.FingerprintSHA256(k)
		}
		_, _, pty := sess.Pty()
		s.log.Info("connect", "user", sess.User(), "remote", sess.RemoteAddr().String(), "fingerprint", fp,
			"pty", pty, "command", strings.Join(sess.Command(), " "))
		next(sess)
		s.log.Info("disconnect", "user", sess.User(), "remote", sess.RemoteAddr().String(), "fingerprint", fp,
			"duration", time.Since(start).Round(time.Millisecond).String())
	}
}

// limitSessions refuses, politely, a session beyond --max-sessions.
func (s *server) limitSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if n := s.active.Add(1); int(n) > s.flags.maxSessions {
			s.active.Add(-1)
			s.log.Warn("refused: server full", "remote", sess.RemoteAddr().String(), "max_sessions", s.flags.maxSessions)
			wish.Fatalf(sess, "segdash: the server is full (%d sessions); please try again later\n", s.flags.maxSessions)
			return
		}
		s.wg.Add(1)
		defer func() {
			if s.active.Add(-1) == 0 {
				// The last viewer left: give the sessions' memory back to
				// the system now, not minutes later (the heap is back to
				// the shared cache; the runtime kept the pages).
				debug.FreeOSMemory()
			}
			s.wg.Done()
		}()
		next(sess)
	}
}

// oneShot serves requests without a PTY: `check ...` runs a check over the
// shared client; anything else gets a short usage message.
func (s *server) oneShot(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); ok {
			next(sess)
			if s.ctx.Err() != nil {
				// Leave the alternate screen and say why the dashboard ended.
				fmt.Fprint(sess, "\x1b[?1049l\r\nsegdash: the server is shutting down. Bye.\r\n")
			}
			return
		}
		args := sess.Command()
		if len(args) == 0 || args[0] != "check" {
			fmt.Fprintln(sess.Stderr(), "segdash: without a terminal only one-shot checks run here:\n"+
				"  ssh -p PORT HOST check [--format chart|spark|json|csv] [--length N] [--min N] [--max-drop PCT] SEGMENT...\n"+
				"for the dashboard, connect with a terminal: ssh -t -p PORT HOST")
			sess.Exit(exitError)
			return
		}
		sa := &app{in: sess, out: sess, errw: sess.Stderr(), getenv: s.app.getenv, now: s.app.now}
		shared := func(*cobra.Command) (*backend, config.Config, func(), error) {
			return s.be, s.cfg, func() {}, nil
		}
		// Only check's own flags: no --endpoint or --api-key-file from
		// a remote user, so the server's key goes nowhere else.
		check := sa.newCheckCommand(shared)
		setUsageErrors(check)
		ctx, cancel := context.WithCancel(sess.Context())
		defer cancel()
		stop := context.AfterFunc(s.ctx, cancel)
		defer stop()
		sess.Exit(sa.execute(ctx, check, args[1:]))
	}
}

// dashboard runs a session's dashboard, following its window size.
func (s *server) dashboard(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		_, windowChanges, ok := sess.Pty()
		if !ok {
			next(sess)
			return
		}
		p, input := s.program(sess)
		ctx, cancel := context.WithCancel(sess.Context())
		var idled atomic.Bool
		go func() {
			// A dashboard writes while nobody watches, so the connection's
			// own idle timeout never fires: idle here means no input.
			check := time.NewTicker(s.idleCheckEvery())
			defer check.Stop()
			for {
				select {
				case <-ctx.Done():
					p.Quit()
					return
				case w := <-windowChanges:
					p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
				case <-check.C:
					if input.idle() > s.flags.idleTimeout {
						idled.Store(true)
						s.log.Info("idle timeout", "remote", sess.RemoteAddr().String(), "idle", s.flags.idleTimeout.String())
						p.Quit()
						return
					}
				}
			}
		}()
		_, err := p.Run()
		cancel()
		if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
			s.log.Error("dashboard ended with an error", "err", err, "remote", sess.RemoteAddr().String())
		}
		p.Kill()
		if idled.Load() {
			fmt.Fprintf(sess, "\x1b[?1049l\r\nsegdash: closed after %s without input.\r\n", s.flags.idleTimeout)
		}
		next(sess)
	}
}

// inputClock passes a session's input on and remembers when some came.
type inputClock struct {
	io.Reader
	last atomic.Int64 // unix nanoseconds
	now  func() time.Time
}

func newInputClock(r io.Reader, now func() time.Time) *inputClock {
	c := &inputClock{Reader: r, now: now}
	c.last.Store(now().UnixNano())
	return c
}

func (c *inputClock) Read(p []byte) (int, error) {
	n, err := c.Reader.Read(p)
	if n > 0 {
		c.last.Store(c.now().UnixNano())
	}
	return n, err
}

// idle is the time since the last input.
func (c *inputClock) idle() time.Duration { return c.now().Sub(time.Unix(0, c.last.Load())) }

// idleCheckEvery is how often a session's idleness is checked: often
// enough that a session closes within a quarter of the timeout.
func (s *server) idleCheckEvery() time.Duration {
	if s.flags.idleCheck > 0 {
		return s.flags.idleCheck
	}
	return min(s.flags.idleTimeout/4, 30*time.Second)
}

// program builds one session's dashboard: its own model, sized to its
// terminal, with its own theme detection, on the shared cache.
func (s *server) program(sess ssh.Session) (*tea.Program, *inputClock) {
	ctx, cancel := context.WithCancel(sess.Context())
	stop := context.AfterFunc(s.ctx, cancel)
	noColor := false
	for _, e := range sess.Environ() {
		if v, ok := strings.CutPrefix(e, "NO_COLOR="); ok && v != "" {
			noColor = true
		}
	}
	// No export, no saving watchlists: those would write on the server.
	m := ui.New(ui.Options{Cache: s.be.cache, Context: ctx, Theme: s.cfg.Theme, NoColor: noColor,
		Refresh: s.cfg.Refresh, Length: s.cfg.Length, Demo: s.cfg.Demo, Source: s.cfg.Endpoint, Watchlists: s.cfg.Watchlists, Now: s.app.now,
		Tick: s.tick(ctx)})
	input := newInputClock(sess, s.app.now)
	opts := append(bm.MakeOptions(sess), tea.WithContext(ctx), tea.WithInput(input), tea.WithFPS(ui.FPS))
	context.AfterFunc(ctx, func() { stop() }) // forget the shutdown hook with the session
	return tea.NewProgram(m, opts...), input
}

// sessionTick makes timers that end with ctx: a closed session's pending
// refresh tick returns at once instead of holding its program in memory
// until it fires (tea.Tick cannot be stopped).
func (a *app) sessionTick(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
	return func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
				return fn(a.now())
			}
		}
	}
}
