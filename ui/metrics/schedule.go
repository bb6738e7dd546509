package metrics

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/output"
)

// ScanScope is the scope of a scheduled scan: every segment, named as the
// dashboard names its scan of all segments, so that a viewer's S and the
// schedule share one scan.
const ScanScope = "all segments"

// Workspace is one served workspace as the schedule scans it.
type Workspace struct {
	// Name is the workspace's name ("" for the unnamed one).
	Name string
	// Cache is the workspace's shared cache and Hub its shared scan hub:
	// the schedule joins a scan of every segment that a dashboard started,
	// and a dashboard joins the schedule's.
	Cache *client.Cache
	Hub   *monitor.Hub
	// Options shape the scan (window, rules, watchlists, concurrency).
	Options monitor.ScanOptions
	// Silences quiet alerts; IncidentMin is how many segments moving
	// together make an incident (0: monitor.DefaultIncidentMin).
	Silences    []monitor.Silence
	IncidentMin int
}

// Ticker starts a ticker of period d: its channel and its stop.
type Ticker func(d time.Duration) (<-chan time.Time, func())

// RealTicker is a time.Ticker.
func RealTicker(d time.Duration) (<-chan time.Time, func()) {
	t := time.NewTicker(d)
	return t.C, t.Stop
}

// Schedule scans every workspace at start and then every period, and
// keeps each one's newest scan for the scrapes.
type Schedule struct {
	spaces []Workspace
	every  time.Duration
	ticker Ticker
	now    func() time.Time
	log    *slog.Logger
	// scanned is called after each scheduled scan of a workspace ends
	// (stored or not), e.g. to save what the cache learnt.
	scanned func(workspace string)

	mu     sync.Mutex
	newest map[string]output.MetricsScan
}

// ScheduleOptions are a Schedule's clock, ticker, log and hook; every one
// may be nil.
type ScheduleOptions struct {
	Now     func() time.Time
	Ticker  Ticker
	Log     *slog.Logger
	Scanned func(workspace string)
}

// NewSchedule scans spaces every period.
func NewSchedule(spaces []Workspace, every time.Duration, o ScheduleOptions) *Schedule {
	s := &Schedule{spaces: spaces, every: every, ticker: o.Ticker, now: o.Now, log: o.Log, scanned: o.Scanned,
		newest: map[string]output.MetricsScan{}}
	if s.ticker == nil {
		s.ticker = RealTicker
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.scanned == nil {
		s.scanned = func(string) {}
	}
	return s
}

// Run scans every workspace now and then at each tick, until ctx ends.
// Workspaces are scanned side by side: each has its own API budget.
func (s *Schedule) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for _, w := range s.spaces {
		wg.Go(func() { s.loop(ctx, w) })
	}
	wg.Wait()
}

// loop scans w now and at each tick. A tick that comes during a scan is
// dropped by the ticker, so scans never pile up.
func (s *Schedule) loop(ctx context.Context, w Workspace) {
	ticks, stop := s.ticker(s.every)
	defer stop()
	for {
		s.scan(ctx, w)
		s.scanned(w.Name)
		select {
		case <-ctx.Done():
			return
		case <-ticks:
		}
	}
}

// Newest is the newest complete scan of each workspace that has one, in
// the order of the workspaces.
func (s *Schedule) Newest() []output.MetricsScan {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []output.MetricsScan
	for _, w := range s.spaces {
		if m, ok := s.newest[w.Name]; ok {
			out = append(out, m)
		}
	}
	return out
}

// scan scans every segment of w through its hub and keeps the answer. A
// scan of part of the workspace that a viewer started is waited out
// first; one of every segment is joined. A scan that could not list the
// workspace, or was stopped, leaves the previous answer in place.
func (s *Schedule) scan(ctx context.Context, w Workspace) {
	for ctx.Err() == nil {
		var listErr error
		t := w.Hub.Join(ScanScope, func(ctx context.Context, p func(monitor.Progress)) *monitor.Report {
			started := s.now()
			segs, err := w.Cache.Segments(ctx, 0, nil)
			if err != nil {
				listErr = err
				return &monitor.Report{Cancelled: true, Started: started, Finished: s.now()}
			}
			return monitor.Scan(ctx, w.Cache, segs, w.Options, p)
		})
		select {
		case <-t.Done():
		case <-ctx.Done():
			t.Leave()
			return
		}
		t.Leave()
		if t.Joined && t.Scope != ScanScope {
			continue
		}
		rep := t.Report()
		switch {
		case listErr != nil:
			s.log.Warn("scheduled scan: listing the segments failed; the metrics keep the previous scan",
				"workspace", Label(w.Name), "err", listErr)
		case rep.Cancelled:
			s.log.Warn("scheduled scan stopped before its end; the metrics keep the previous scan", "workspace", Label(w.Name))
		default:
			s.keep(w, rep)
			s.log.Info("scheduled scan done", "workspace", Label(w.Name), "segments", rep.Total, "failed", rep.Failed,
				"joined", t.Joined, "took", rep.Finished.Sub(rep.Started).Round(time.Millisecond))
		}
		return
	}
}

// keep stores rep as w's newest scan, with w's silences and incidents.
// The report may be shared with dashboards that joined it: the silences
// mark a copy.
func (s *Schedule) keep(w Workspace, rep *monitor.Report) {
	rows, incidents := rep.Copy().Settle(w.Silences, w.Name, client.DateOf(s.now()), w.IncidentMin, monitor.ByName)
	m := output.MetricsScan{Workspace: Label(w.Name), Rows: rows, Incidents: len(incidents),
		Duration: rep.Finished.Sub(rep.Started),
		Summary: output.ScanSummary{Scope: ScanScope, Length: w.Options.Length, Through: rep.Through.String(),
			Total: rep.Total, Done: rep.Done, Failed: rep.Failed, Cancelled: rep.Cancelled}}
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := s.newest[w.Name]
	m.Succeeded = prev.Succeeded
	if rep.Missing() == 0 {
		m.Succeeded = rep.Finished
	}
	s.newest[w.Name] = m
}
