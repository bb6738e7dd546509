package monitor

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segdash/segdash/client"
)

// ScanOptions shape a scan.
type ScanOptions struct {
	// Length is the window in days, 1..client.MaxWindow (default 30; more
	// than 100 days costs a request per 100-day chunk the first time);
	// EndingAt its end (zero: now).
	Length   int
	EndingAt time.Time
	// Concurrency is how many series are asked for at once (default 4); the
	// cache bounds requests in flight as well.
	Concurrency int
	// MaxAge lets the cache answer with a series younger than this (0: the
	// cache's TTL), so a scan reuses what the dashboard already fetched.
	MaxAge time.Duration
	// Detector scores the newest change (zero value: DefaultDetector).
	Detector Detector
	// Rules are evaluated for every segment; Watchlists resolves the rules
	// that target a watchlist (name → ids or names).
	Rules      []Rule
	Watchlists map[string][]string
	// Now is the clock for the expected newest day (default time.Now).
	Now func() time.Time
	// KeepSeries keeps each segment's series in its Result, for a caller
	// that shows them afterwards (the dashboard adopts them into its
	// list). Without it a result keeps only what the report needs (stats,
	// alerts, error): a scan of 10,000 segments then holds a few hundred
	// bytes per segment, not every series (about 4 KB each for 100 days).
	KeepSeries bool
}

// Result is what a scan learnt of one segment.
type Result struct {
	Segment client.Segment
	// Series is the segment's series when ScanOptions.KeepSeries is set,
	// else nil.
	Series *client.Series
	Stats  Stats
	Alerts []Alert
	// Err is why the series could not be had; nil for a segment whose
	// tracking is off (it is not asked for: Braze has no series for it).
	Err error
	// Warnings came with the series: Braze's non-fatal errors, and a
	// newest day far behind the API's own (the sizes are real but old).
	Warnings []string
	// Done is false for a segment the scan did not reach (cancelled).
	Done bool
}

// TrackingOff says whether the segment's analytics tracking is off.
func (r Result) TrackingOff() bool { return !r.Segment.AnalyticsTrackingEnabled }

// Progress is how far a scan has come.
type Progress struct {
	Done, Total, Failed int
}

// Report is a scan's answer: one result per segment, in the order given.
type Report struct {
	Results []Result
	Progress
	// Cancelled is true when the scan stopped before every segment was
	// reached; the results it has are kept.
	Cancelled bool
	// Started and Finished bound the scan in time.
	Started, Finished time.Time
	// Through is the newest day the scan covers: the newest day any series
	// reached (the API's clock may run ahead of ours, as in the demo), else
	// the window's last day.
	Through client.Date
}

// Newest is the newest day any scanned series reaches (zero for none):
// what the scan covers, whatever the local clock says.
func (r *Report) Newest() client.Date {
	var d client.Date
	for _, res := range r.Results {
		if res.Stats.HasLatest && (d.IsZero() || d.Before(res.Stats.Latest.Day)) {
			d = res.Stats.Latest.Day
		}
	}
	return d
}

// Missing is how many segments the scan did not reach or could not fetch.
func (r *Report) Missing() int { return r.Total - r.Done + r.Failed }

func (o ScanOptions) clock() func() time.Time {
	if o.Now == nil {
		return time.Now
	}
	return o.Now
}

func (o ScanOptions) length() int {
	if o.Length < 1 {
		return 30
	}
	return o.Length
}

// Cost is how many requests a scan of segs would send now: for each
// tracked segment, the parts of its window the cache cannot answer within
// MaxAge (client.Cache.WindowCost).
func Cost(cache *client.Cache, segs []client.Segment, o ScanOptions) int {
	n := 0
	for _, s := range segs {
		if s.AnalyticsTrackingEnabled {
			n += cache.WindowCost(s.ID, o.length(), o.EndingAt, o.MaxAge)
		}
	}
	return n
}

// Scan fetches the series of every tracked segment of segs through cache,
// at most o.Concurrency at once, and analyses each. progress, if not nil,
// is called after each segment from the scan's goroutines. Cancelling ctx
// stops the scan; the report keeps what came back and says what is missing.
// A rate limit (429) is waited out by the client, however long until the
// limit resets and however many come in a row (client.WaitOutRateLimits):
// only ctx's cancellation or deadline gives a segment up.
func Scan(ctx context.Context, cache *client.Cache, segs []client.Segment, o ScanOptions, progress func(Progress)) *Report {
	ctx = client.WaitOutRateLimits(ctx)
	now := o.clock()
	workers := o.Concurrency
	if workers < 1 {
		workers = 4
	}
	rep := &Report{Results: make([]Result, len(segs)), Started: now()}
	rep.Total = len(segs)
	expected := client.DateOf(now()).AddDays(-1)
	if !o.EndingAt.IsZero() {
		expected = client.DateOf(o.EndingAt).AddDays(-1)
	}
	var done, failed atomic.Int64
	report := func() {
		if progress != nil {
			progress(Progress{Done: int(done.Load()), Total: len(segs), Failed: int(failed.Load())})
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				r := scanOne(ctx, cache, segs[i], o, expected)
				if r.Done {
					done.Add(1)
					if r.Err != nil {
						failed.Add(1)
					}
				}
				rep.Results[i] = r
				report()
			}
		})
	}
feed:
	for i := range segs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for i := range rep.Results {
		rep.Results[i].Segment = segs[i]
	}
	rep.Done, rep.Failed = int(done.Load()), int(failed.Load())
	rep.Cancelled = rep.Done < rep.Total
	rep.Finished = now()
	if rep.Through = rep.Newest(); rep.Through.IsZero() {
		_, rep.Through = client.WindowDays(o.length(), o.EndingAt, rep.Finished)
	}
	return rep
}

// scanOne fetches and analyses one segment.
func scanOne(ctx context.Context, cache *client.Cache, seg client.Segment, o ScanOptions, expected client.Date) Result {
	r := Result{Segment: seg}
	if seg.AnalyticsTrackingEnabled {
		s, err := cache.Window(ctx, seg.ID, o.length(), o.EndingAt, o.MaxAge)
		if err != nil && ctx.Err() != nil {
			return r // cancelled: not reached
		}
		r.Err = err
		if s != nil {
			r.Stats = Analyze(s.Points, o.Detector)
			r.Warnings = s.Warnings
		}
		if o.KeepSeries {
			r.Series = s
		}
	}
	r.Done = true
	r.Alerts = EvaluateAll(o.Rules, Subject{Segment: seg, Stats: r.Stats, Expected: expected}, o.Watchlists)
	if r.Err == nil && r.Stats.Anomaly && !hasAnomalyRule(o.Rules, seg, o.Watchlists) {
		r.Alerts = append(r.Alerts, Alert{Rule: "anomaly", Reason: anomalyText(r.Stats), Severity: Warning})
	}
	return r
}

// hasAnomalyRule says whether a configured rule already reports anomalies
// for seg, so the built-in one does not repeat it.
func hasAnomalyRule(rules []Rule, seg client.Segment, lists map[string][]string) bool {
	for _, r := range rules {
		if r.Anomaly && r.Matches(seg, lists) {
			return true
		}
	}
	return false
}
