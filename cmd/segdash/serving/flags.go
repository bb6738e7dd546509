package serving

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/spf13/pflag"

	"github.com/segdash/segdash/ui/metrics"
	"github.com/segdash/segdash/ui/sshserve"
)

// Flags are the flags of `segdash serve`.
type Flags struct {
	Listen         string
	HostKey        string
	AuthorizedKeys string
	AllowAnyKey    bool
	MaxSessions    int
	MaxConns       int
	IdleTimeout    time.Duration
	ConnRate       float64
	ConnBurst      int
	Handshake      time.Duration
	MaxUnauth      int
	MaxUnauthPerIP int
	// SessionRequests is --session-requests: a session's hourly share of
	// the API budget.
	SessionRequests int
	// Metrics is --metrics (the address of /metrics, "" for none) and
	// ScanEvery --scan-every; Listen opens MetricsLn on it (tests open
	// their own). ScanTicker, when set, ticks the scheduled scans (tests).
	Metrics    string
	ScanEvery  time.Duration
	MetricsLn  net.Listener
	ScanTicker metrics.Ticker
	// IdleCheck, when set, is how often idleness is checked (tests).
	IdleCheck time.Duration
}

// Register adds the flags to fs.
func (f *Flags) Register(fl *pflag.FlagSet) {
	fl.StringVar(&f.Listen, "listen", "127.0.0.1:23234", "address to listen on")
	fl.StringVar(&f.HostKey, "host-key", "", "host key file (default: ssh_host_ed25519 beside the config file: in $XDG_CONFIG_HOME/segdash, else ~/.config/segdash, unless one exists in the OS's config folder; generated with mode 0600 when missing)")
	fl.StringVar(&f.AuthorizedKeys, "authorized-keys", "", "authorized_keys file of the public keys allowed in (re-read on every login)")
	fl.BoolVar(&f.AllowAnyKey, "insecure-allow-any-key", false, "DANGEROUS: let ANY public key in (no authorized keys file)")
	fl.IntVar(&f.MaxSessions, "max-sessions", 32, fmt.Sprintf("most sessions at once; one more is politely refused (each is budgeted %.1f MB: its window is capped at %d×%d)",
		float64(sshserve.SessionMemory)/1e6, sshserve.MaxWindowWidth, sshserve.MaxWindowHeight))
	fl.IntVar(&f.MaxConns, "max-connections", 0, fmt.Sprintf("most authenticated connections at once, with a session or not; one that holds no session for %s is closed (default: twice --max-sessions)", sshserve.PreSessionTimeout))
	fl.DurationVar(&f.IdleTimeout, "idle-timeout", 30*time.Minute, "close dashboards without input, and connections without traffic, this long")
	// No flag default: the help states it once (config file, else 5m).
	fl.Duration("refresh", 0, "live refresh interval of the dashboards, 0 turns it off (default: refresh in the config file, else 5m; the demo 10s)")
	fl.Float64Var(&f.ConnRate, "conn-rate", 1, "new sessions per second allowed from one IP address")
	fl.IntVar(&f.ConnBurst, "conn-burst", 10, "burst of new sessions allowed from one IP address")
	fl.DurationVar(&f.Handshake, "handshake-timeout", 10*time.Second, "drop a connection that has not finished the SSH handshake and authentication this long after connecting")
	fl.IntVar(&f.MaxUnauth, "max-unauthenticated", 32, "most connections at once that have not authenticated yet; more are dropped at once")
	fl.IntVar(&f.SessionRequests, "session-requests", 3600, fmt.Sprintf("most API requests one SSH session's dashboard may cause in an hour, 1/%d of them at once, so that no one viewer spends the workspace's shared budget (Braze: 250,000 an hour); scans (S) are shared and not counted; 0: no bound; the demo has none", sshserve.SessionBurst))
	fl.StringVar(&f.Metrics, "metrics", "", MetricsFlagHelp)
	fl.DurationVar(&f.ScanEvery, "scan-every", time.Hour, "with --metrics: scan every segment of every workspace this often, the first at start (at least 1m; each scan costs a request per tracked segment whose series is older than the cache's TTL)")
	fl.IntVar(&f.MaxUnauthPerIP, "max-unauthenticated-per-ip", 8, "most of those from one IP address (IPv6: one /64), so one address cannot lock the others out")
}

// Validate checks the flags together, and that --authorized-keys holds a key.
func (f *Flags) Validate() error {
	switch {
	case f.AuthorizedKeys == "" && !f.AllowAnyKey:
		return errors.New("serve needs --authorized-keys FILE (the public keys allowed in); --insecure-allow-any-key lets anyone in")
	case f.AuthorizedKeys != "" && f.AllowAnyKey:
		return errors.New("--authorized-keys and --insecure-allow-any-key exclude each other")
	case f.AllowAnyKey && !LoopbackListen(f.Listen):
		return fmt.Errorf("--insecure-allow-any-key is for loopback only: on %s anyone who reaches the port would read the workspace; use --authorized-keys", f.Listen)
	case f.MaxSessions < 1:
		return errors.New("--max-sessions must be at least 1")
	case f.SessionRequests < 0:
		return errors.New("--session-requests must not be negative")
	case f.MaxConns < 0:
		return errors.New("--max-connections must not be negative")
	case f.IdleTimeout < time.Second:
		return errors.New("--idle-timeout must be at least 1s")
	case f.ConnRate <= 0 || f.ConnBurst < 1:
		return errors.New("--conn-rate must be above 0 and --conn-burst at least 1")
	case f.Handshake < 100*time.Millisecond || f.MaxUnauth < 1 || f.MaxUnauthPerIP < 1:
		return errors.New("--handshake-timeout must be at least 100ms, and --max-unauthenticated and --max-unauthenticated-per-ip at least 1")
	case f.Metrics != "" && f.ScanEvery < MinScanEvery:
		return fmt.Errorf("--scan-every must be at least %s: each scan costs a request per tracked segment", MinScanEvery)
	}
	if f.Metrics != "" {
		if _, _, err := net.SplitHostPort(f.Metrics); err != nil {
			return fmt.Errorf("--metrics %q: want HOST:PORT, such as 127.0.0.1:9464", f.Metrics)
		}
	}
	return CheckKeys("--authorized-keys", f.AuthorizedKeys)
}

// Listeners opens --listen and, with --metrics, MetricsLn.
func (f *Flags) Listeners() (net.Listener, error) {
	ln, err := net.Listen("tcp", f.Listen)
	if err != nil {
		return nil, fmt.Errorf("--listen %s: %w", f.Listen, err)
	}
	if f.Metrics != "" {
		if f.MetricsLn, err = net.Listen("tcp", f.Metrics); err != nil {
			ln.Close()
			return nil, fmt.Errorf("--metrics %s: %w", f.Metrics, err)
		}
	}
	return ln, nil
}

// SSH is the SSH server's configuration by the flags, serving def to the
// user names no workspace has, logging on log.
func (f *Flags) SSH(def string, log *slog.Logger) sshserve.Config {
	return sshserve.Config{AuthorizedKeys: f.AuthorizedKeys, AllowAnyKey: f.AllowAnyKey, Default: def,
		MaxSessions: f.MaxSessions, MaxConnections: f.MaxConns, IdleTimeout: f.IdleTimeout,
		ConnRate: f.ConnRate, ConnBurst: f.ConnBurst, HandshakeTimeout: f.Handshake,
		MaxUnauthenticated: f.MaxUnauth, MaxUnauthenticatedPerIP: f.MaxUnauthPerIP, SessionRequests: f.SessionRequests,
		Log: log, IdleCheck: f.IdleCheck}
}
