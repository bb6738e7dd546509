package serving

import (
	"context"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/metrics"
)

// MetricsFlagHelp is the help of --metrics: what it serves, and to whom.
const MetricsFlagHelp = "serve Prometheus metrics over HTTP at `ADDR`/metrics (e.g. 127.0.0.1:9464): the newest scheduled scan " +
	"of every workspace (segment sizes, anomalies, alerts), API requests, rate-limit budget, SSH sessions. " +
	"It serves segment names without authentication: bind it to loopback or put it behind your proxy (default: off)"

// MinScanEvery is the shortest --scan-every: a scan costs a request per
// tracked segment.
const MinScanEvery = time.Minute

// MetricsOptions are how StartMetrics schedules the scans.
type MetricsOptions struct {
	// Every is the time between scheduled scans.
	Every time.Duration
	// Ticker, when set, ticks the scheduled scans (tests).
	Ticker metrics.Ticker
	// Now is the scans' clock.
	Now func() time.Time
	// Log is where the server logs.
	Log *slog.Logger
}

// StartMetrics serves m at /metrics on ln, fed by a scan of every
// workspace at start and every o.Every through its shared hub, saving
// each workspace's data after its scan. stop ends both and waits for them.
func StartMetrics(ctx context.Context, ln net.Listener, m *metrics.Metrics, spaces Workspaces, o MetricsOptions) (stop func(), err error) {
	ws := make([]metrics.Workspace, len(spaces))
	budgets := make([]metrics.Budget, len(spaces))
	byName := map[string]*saved{}
	for i, w := range spaces {
		cfg := w.Config
		ws[i] = metrics.Workspace{Name: cfg.Workspace, Cache: w.Backend.Cache, Hub: w.Hub, Silences: cfg.Silences,
			Options: monitor.ScanOptions{Length: cfg.Length, Concurrency: cfg.Concurrency, Rules: cfg.Rules,
				Watchlists: client.WatchlistEntries(cfg.Watchlists), Now: o.Now}}
		budgets[i] = metrics.Budget{Workspace: cfg.Workspace, Cache: w.Backend.Cache}
		byName[cfg.Workspace] = w.saved
	}
	logger := o.Log
	sched := metrics.NewSchedule(ws, o.Every, metrics.ScheduleOptions{Now: o.Now, Ticker: o.Ticker, Log: logger,
		Scanned: func(name string) { byName[name].save(logger) }})
	if err := m.Watch(budgets, sched.Newest); err != nil {
		ln.Close()
		return nil, err
	}
	addr := ln.Addr().String()
	logger.Info("serving metrics", "url", "http://"+addr+"/metrics", "scan_every", o.Every.String())
	if !LoopbackListen(addr) {
		logger.Warn("the metrics are served beyond this machine: they hold segment names and need no login; "+
			"bind --metrics to loopback or put it behind your proxy", "addr", addr)
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { sched.Run(ctx) })
	wg.Go(func() {
		if err := metrics.Serve(ctx, ln, m.Handler()); err != nil {
			logger.Error("metrics server stopped", "err", err)
		}
	})
	return func() { cancel(); wg.Wait() }, nil
}
