package monitor_test

import (
	"context"
	"net/http/httptest"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/monitor"
)

var now = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

// demo is the stand-in workspace with breaks planted on yesterday, and a
// cache in front of it.
type demo struct {
	api          *brazetest.Handler
	cache        *client.Cache
	segs         []client.Segment
	falls, jumps []string
}

func newDemo(t testing.TB, n int) *demo {
	t.Helper()
	return newDemoWith(t, n, nil)
}

// newDemoWith is newDemo with edit applied to the workspace, given the
// planted breaks' ids, before the stand-in serves it.
func newDemoWith(t testing.TB, n int, edit func(ws *brazetest.Workspace, planted []string)) *demo {
	t.Helper()
	ws := brazetest.NewWorkspace(1, n)
	falls, jumps := ws.PlantBreaks(client.DateOf(now).AddDays(-1))
	if edit != nil {
		edit(ws, append(slices.Clone(falls), jumps...))
	}
	api := brazetest.NewHandler(brazetest.Options{Workspace: ws, Now: func() time.Time { return now }})
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	noSleep := func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	c, err := client.New(srv.URL, brazetest.DemoKey, client.WithClock(func() time.Time { return now }), client.WithSleep(noSleep))
	if err != nil {
		t.Fatal(err)
	}
	cache := client.NewCache(c, client.CacheOptions{MaxInFlight: 8, Now: func() time.Time { return now }})
	segs, err := cache.Segments(context.Background(), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &demo{api: api, cache: cache, segs: segs, falls: falls, jumps: jumps}
}

// TestScanFindsPlantedBreaks scans the demo workspace: every planted fall
// and jump is flagged in its direction, and no other segment is.
func TestScanFindsPlantedBreaks(t *testing.T) {
	d := newDemo(t, 250)
	if len(d.falls) != 2 || len(d.jumps) != 2 {
		t.Fatalf("planted %v %v", d.falls, d.jumps)
	}
	var calls atomic.Int64
	o := monitor.ScanOptions{Length: 30, Concurrency: 8, Now: func() time.Time { return now }}
	if cost := monitor.Cost(d.cache, d.segs, o); cost == 0 || cost >= len(d.segs) {
		t.Fatalf("cost %d for %d segments (some are untracked)", cost, len(d.segs))
	}
	rep := monitor.Scan(context.Background(), d.cache, d.segs, o, func(monitor.Progress) { calls.Add(1) })
	if rep.Cancelled || rep.Done != len(d.segs) || rep.Failed != 0 || int(calls.Load()) != len(d.segs) {
		t.Fatalf("report %+v, %d progress calls", rep.Progress, calls.Load())
	}
	if got := rep.Newest(); got != client.DateOf(now).AddDays(-1) || rep.Through != got {
		t.Errorf("newest day %v, through %v", got, rep.Through)
	}
	var flagged []string
	for _, r := range rep.Results {
		if r.TrackingOff() {
			if r.Series != nil || r.Err != nil {
				t.Errorf("untracked %s was fetched", r.Segment.ID)
			}
			continue
		}
		if r.Stats.Anomaly {
			flagged = append(flagged, r.Segment.ID)
			want := 1.0
			if slices.Contains(d.falls, r.Segment.ID) {
				want = -1
			}
			if r.Stats.Score*want < 0 || len(r.Alerts) != 1 || r.Alerts[0].Rule != "anomaly" {
				t.Errorf("%s: score %.1f alerts %+v", r.Segment.Name, r.Stats.Score, r.Alerts)
			}
		}
	}
	planted := append(slices.Clone(d.falls), d.jumps...)
	slices.Sort(planted)
	slices.Sort(flagged)
	if !slices.Equal(flagged, planted) {
		t.Errorf("flagged %v, planted %v", flagged, planted)
	}
	// A second scan is served by the cache: no request.
	before := d.api.Requests("data_series")
	monitor.Scan(context.Background(), d.cache, d.segs, o, nil)
	if after := d.api.Requests("data_series"); after != before || monitor.Cost(d.cache, d.segs, o) != 0 {
		t.Errorf("rescan sent %d requests", after-before)
	}
}

// TestScanCancelKeepsResults cancels a scan part-way: what came back is
// kept and the report says how much is missing.
func TestScanCancelKeepsResults(t *testing.T) {
	d := newDemo(t, 250)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := monitor.ScanOptions{Length: 30, Concurrency: 2, Now: func() time.Time { return now }, KeepSeries: true}
	rep := monitor.Scan(ctx, d.cache, d.segs, o, func(p monitor.Progress) {
		if p.Done >= 40 {
			cancel()
		}
	})
	if !rep.Cancelled || rep.Done < 40 || rep.Done > 60 || rep.Missing() != rep.Total-rep.Done {
		t.Fatalf("cancelled report %+v missing %d", rep.Progress, rep.Missing())
	}
	kept := 0
	for _, r := range rep.Results {
		if r.Done {
			kept++
			if r.Segment.AnalyticsTrackingEnabled && r.Series == nil {
				t.Errorf("%s done without a series: %v", r.Segment.ID, r.Err)
			}
		} else if r.Segment.ID == "" {
			t.Errorf("a result not reached lost its segment")
		}
	}
	if kept != rep.Done {
		t.Errorf("kept %d, done %d", kept, rep.Done)
	}
}

// TestScanRules evaluates configured rules during a scan, and a failing
// segment is counted, not fatal.
func TestScanRules(t *testing.T) {
	d := newDemo(t, 60)
	bad := d.segs[0].ID
	d.api.SetSegmentFault(bad, brazetest.Fault{Status: 500})
	min := int64(1 << 40)
	o := monitor.ScanOptions{Length: 30, Concurrency: 4, Now: func() time.Time { return now },
		Rules: []monitor.Rule{
			{Name: "floor", Target: monitor.Target{Segments: []string{d.segs[1].ID}}, Below: &min},
			{Name: "tracking", Target: monitor.Target{All: true}, TrackingOff: true},
		}}
	rep := monitor.Scan(context.Background(), d.cache, d.segs, o, nil)
	if rep.Failed != 1 || rep.Results[0].Err == nil {
		t.Fatalf("failed %d, first %v", rep.Failed, rep.Results[0].Err)
	}
	if a := rep.Results[1].Alerts; len(a) != 1 || a[0].Rule != "floor" {
		t.Errorf("floor alerts %+v", a)
	}
	for _, r := range rep.Results {
		off := len(r.Alerts) > 0 && r.Alerts[0].Rule == "tracking"
		if off != r.TrackingOff() {
			t.Errorf("%s: tracking alert %v, tracking off %v", r.Segment.ID, off, r.TrackingOff())
		}
	}
}

// TestScanLongWindow scans a year: a request per 100-day chunk the first
// time (the cost says so beforehand), none the second.
func TestScanLongWindow(t *testing.T) {
	d := newDemo(t, 30)
	o := monitor.ScanOptions{Length: 365, Concurrency: 4, Now: func() time.Time { return now }}
	tracked := 0
	for _, s := range d.segs {
		if s.AnalyticsTrackingEnabled {
			tracked++
		}
	}
	cost := monitor.Cost(d.cache, d.segs, o)
	if cost < 4*tracked || cost > 5*tracked {
		t.Fatalf("cost %d for %d tracked segments over 365 days", cost, tracked)
	}
	rep := monitor.Scan(context.Background(), d.cache, d.segs, o, nil)
	if got := d.api.Requests("data_series"); got != int64(cost) || rep.Failed != 0 {
		t.Errorf("sent %d requests, the cost said %d (failed %d)", got, cost, rep.Failed)
	}
	for _, r := range rep.Results {
		if r.Series != nil && (len(r.Series.Points) != 365 || r.Stats.Latest.Day != client.DateOf(now).AddDays(-1)) {
			t.Errorf("%s: %d points, latest %v", r.Segment.ID, len(r.Series.Points), r.Stats.Latest.Day)
		}
	}
	if monitor.Cost(d.cache, d.segs, o) != 0 {
		t.Error("a second scan would cost requests")
	}
}

// TestRollingBreaksFollowTheClock: the demo's breaks are on whatever day
// is the newest, so a scan finds them however far the time-lapse has run.
func TestRollingBreaksFollowTheClock(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 300)
	falls, jumps := ws.PlantRollingBreaks(client.DateOf(now).AddDays(-1))
	clock := now
	api := brazetest.NewHandler(brazetest.Options{Workspace: ws, Now: func() time.Time { return clock }})
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	c, err := client.New(srv.URL, brazetest.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, days := range []int{0, 5, 40} {
		clock = now.AddDate(0, 0, days)
		cache := client.NewCache(c, client.CacheOptions{Now: func() time.Time { return clock }})
		segs, err := cache.Segments(context.Background(), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		rep := monitor.Scan(context.Background(), cache, segs, monitor.ScanOptions{Now: func() time.Time { return clock }}, nil)
		for _, id := range append(append([]string(nil), falls...), jumps...) {
			for _, r := range rep.Results {
				if r.Segment.ID == id && !r.Stats.Anomaly {
					t.Errorf("day +%d: planted %s not flagged (score %.1f)", days, id, r.Stats.Score)
				}
			}
		}
	}
}
