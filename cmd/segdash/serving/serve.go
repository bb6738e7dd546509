package serving

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/metrics"
	"github.com/segdash/segdash/ui/sshserve"
)

// ServeOptions are what Serve serves besides the workspaces.
type ServeOptions struct {
	// SSH is the SSH server's configuration; Serve fills in its host key,
	// workspaces, observer and Exec, and its SessionRequests is the flag's
	// (none for the demo). Its Log and Now are the server's.
	SSH sshserve.Config
	// HostKey is --host-key ("" for the default in the first of
	// ConfigDirs, the config folders).
	HostKey    string
	ConfigDirs []string
	// MetricsListener, when set, serves the metrics, with a scan every
	// ScanEvery (ScanTicker, when set, ticks them: tests).
	MetricsListener net.Listener
	ScanEvery       time.Duration
	ScanTicker      metrics.Ticker
	// UserAgent is the clients' User-Agent.
	UserAgent string
	// Exec makes the one-shot commands of sessions on the workspaces.
	Exec func(Workspaces) sshserve.ExecFunc
}

// Serve runs the SSH server for cfgs on ln until ctx ends, then shuts
// down: stop accepting, tell open sessions, close them, return within a
// few seconds. Every workspace's data is saved at the end.
func Serve(ctx context.Context, ln net.Listener, cfgs []config.Config, o ServeOptions) error {
	closeAll := func() {
		ln.Close()
		if o.MetricsListener != nil {
			o.MetricsListener.Close()
		}
	}
	hostKey, err := sshserve.HostKeyPath(o.HostKey, o.ConfigDirs)
	if err != nil {
		closeAll()
		return fmt.Errorf("--host-key: %w", err)
	}
	signer, err := sshserve.LoadHostKey(hostKey)
	if err != nil {
		closeAll()
		return fmt.Errorf("--host-key %s: %w", hostKey, err)
	}
	sc, logger := o.SSH, o.SSH.Log
	var m *metrics.Metrics
	if o.MetricsListener != nil {
		m = metrics.New()
		sc.Observer = m
	}
	spaces, err := Connect(ctx, cfgs, Options{Now: sc.Now, UserAgent: o.UserAgent, Metrics: m,
		Warn: func(msg string) { logger.Warn(msg) }})
	if err != nil {
		spaces.Close()
		closeAll()
		return err
	}
	defer spaces.Close()
	defer spaces.SaveAll(logger)
	if m != nil {
		stop, err := StartMetrics(ctx, o.MetricsListener, m, spaces, MetricsOptions{Every: o.ScanEvery, Ticker: o.ScanTicker, Now: sc.Now, Log: logger})
		if err != nil {
			ln.Close()
			return fmt.Errorf("--metrics: %w", err)
		}
		defer stop()
	}
	sc.HostKey, sc.HostKeyPath, sc.Workspaces = signer, hostKey, spaces.SSH()
	sc.SessionRequests = SessionRequests(sc.SessionRequests, cfgs)
	sc.Exec = o.Exec(spaces)
	return sshserve.Serve(ctx, ln, sc)
}
