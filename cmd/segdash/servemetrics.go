package main

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

// metricsFlagHelp is the help of --metrics: what it serves, and to whom.
const metricsFlagHelp = "serve Prometheus metrics over HTTP at `ADDR`/metrics (e.g. 127.0.0.1:9464): the newest scheduled scan " +
	"of every workspace (segment sizes, anomalies, alerts), API requests, rate-limit budget, SSH sessions. " +
	"It serves segment names without authentication: bind it to loopback or put it behind your proxy (default: off)"

// minScanEvery is the shortest --scan-every: a scan costs a request per
// tracked segment.
const minScanEvery = time.Minute

// startMetrics serves m at /metrics on ln, fed by a scan of every
// workspace at start and every f.scanEvery through its shared hub. stop
// ends both and waits for them.
func (a *app) startMetrics(ctx context.Context, f *serveFlags, ln net.Listener, m *metrics.Metrics, spaces servedWorkspaces,
	logger *slog.Logger) (stop func(), err error) {
	ws := make([]metrics.Workspace, len(spaces))
	budgets := make([]metrics.Budget, len(spaces))
	byName := map[string]*savedWorkspace{}
	for i, w := range spaces {
		cfg := w.cfg
		ws[i] = metrics.Workspace{Name: cfg.Workspace, Cache: w.be.cache, Hub: w.hub, Silences: cfg.Silences,
			Options: monitor.ScanOptions{Length: cfg.Length, Concurrency: cfg.Concurrency, Rules: cfg.Rules,
				Watchlists: client.WatchlistEntries(cfg.Watchlists), Now: a.now}}
		budgets[i] = metrics.Budget{Workspace: cfg.Workspace, Cache: w.be.cache}
		byName[cfg.Workspace] = w.saved
	}
	sched := metrics.NewSchedule(ws, f.scanEvery, metrics.ScheduleOptions{Now: a.now, Ticker: f.scanTicker, Log: logger,
		Scanned: func(name string) { byName[name].save(logger) }})
	if err := m.Watch(budgets, sched.Newest); err != nil {
		ln.Close()
		return nil, err
	}
	addr := ln.Addr().String()
	logger.Info("serving metrics", "url", "http://"+addr+"/metrics", "scan_every", f.scanEvery.String())
	if !loopbackListen(addr) {
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
