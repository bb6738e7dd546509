package metrics_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/metrics"
)

var start = time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// fixture is a served workspace on the stand-in, its metrics and schedule.
type fixture struct {
	api     *brazetest.Handler
	clock   *clock
	m       *metrics.Metrics
	ws      metrics.Workspace
	ticks   chan time.Time
	scanned chan string
}

func newFixture(t *testing.T, name string) *fixture {
	t.Helper()
	return newFixtureOn(t, name, metrics.New(), brazetest.NewWorkspace(5, 12))
}

// newFixtureOn is newFixture of the stand-in's workspace ws, with its
// requests counted by m.
func newFixtureOn(t *testing.T, name string, m *metrics.Metrics, ws *brazetest.Workspace) *fixture {
	t.Helper()
	f := &fixture{clock: &clock{t: start}, m: m, ticks: make(chan time.Time), scanned: make(chan string, 4)}
	f.api = brazetest.NewHandler(brazetest.Options{Workspace: ws, Now: f.clock.Now})
	srv := httptest.NewServer(f.api)
	t.Cleanup(srv.Close)
	c, err := client.New(srv.URL, brazetest.DemoKey, client.WithClock(f.clock.Now), client.WithRequestObserver(f.m.RequestObserver(name)))
	if err != nil {
		t.Fatal(err)
	}
	cache := client.NewCache(c, client.CacheOptions{Now: f.clock.Now})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	f.ws = metrics.Workspace{Name: name, Cache: cache, Hub: monitor.NewHub(ctx),
		Options: monitor.ScanOptions{Length: 14, Now: f.clock.Now}}
	return f
}

// run starts the schedule and the HTTP server on loopback; it returns the
// scrape URL. Both stop, and are waited for, at the test's end.
func (f *fixture) run(t *testing.T, others ...*fixture) string {
	t.Helper()
	spaces := []metrics.Workspace{f.ws}
	budgets := []metrics.Budget{{Workspace: f.ws.Name, Cache: f.ws.Cache}}
	for _, o := range others {
		spaces = append(spaces, o.ws)
		budgets = append(budgets, metrics.Budget{Workspace: o.ws.Name, Cache: o.ws.Cache})
	}
	sched := metrics.NewSchedule(spaces, time.Hour, metrics.ScheduleOptions{Now: f.clock.Now,
		Ticker:  func(time.Duration) (<-chan time.Time, func()) { return f.ticks, func() {} },
		Scanned: func(ws string) { f.scanned <- ws }})
	if err := f.m.Watch(budgets, sched.Newest); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errc := make(chan error, 1)
	wg.Go(func() { sched.Run(ctx) })
	wg.Go(func() { errc <- metrics.Serve(ctx, ln, f.m.Handler()) })
	t.Cleanup(func() {
		cancel()
		wg.Wait()
		if err := <-errc; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String() + "/metrics"
}

// scrape gets url as Prometheus does and parses it with Prometheus's own
// text parser.
func scrape(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Accept", "text/plain;version=0.0.4")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("scrape: %s: %s", res.Status, b)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(res.Body)
	if err != nil {
		t.Fatalf("the exposition does not parse: %v", err)
	}
	for name, fam := range fams {
		for _, m := range fam.GetMetric() {
			if m.TimestampMs != nil {
				t.Errorf("%s has a sample timestamp", name)
			}
		}
	}
	return fams
}

// value is the sample of family name whose labels include want; ok false
// when there is none.
func value(fams map[string]*dto.MetricFamily, name string, want map[string]string) (float64, bool) {
	for _, m := range fams[name].GetMetric() {
		labels := map[string]string{}
		for _, l := range m.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		match := true
		for k, v := range want {
			match = match && labels[k] == v
		}
		if !match {
			continue
		}
		switch {
		case m.Gauge != nil:
			return m.Gauge.GetValue(), true
		case m.Counter != nil:
			return m.Counter.GetValue(), true
		}
	}
	return 0, false
}

func TestScrapeServesTheScheduledScanAndSendsNoRequest(t *testing.T) {
	f := newFixture(t, "us")
	url := f.run(t)
	if ws := <-f.scanned; ws != "us" {
		t.Fatalf("scanned %q, want us", ws)
	}
	sent := f.api.Requests("")
	fams := scrape(t, url)
	scrape(t, url)
	if got := f.api.Requests(""); got != sent {
		t.Errorf("two scrapes sent %d API requests, want none", got-sent)
	}

	seg := f.api.Workspace().Listed()[0] // tracked in every workspace the stand-in makes
	size, ok := value(fams, "segdash_segment_size", map[string]string{"workspace": "us", "segment_id": seg.ID, "segment_name": seg.Name})
	if !ok {
		t.Fatalf("no segdash_segment_size for %q", seg.Name)
	}
	series, _, ok := f.ws.Cache.PeekWindow(seg.ID, 14, time.Time{})
	if !ok {
		t.Fatal("the scan left no series in the cache")
	}
	if want := float64(series.Points[len(series.Points)-1].Size); size != want {
		t.Errorf("segdash_segment_size = %v, want the newest day's %v", size, want)
	}
	if n, _ := value(fams, "segdash_scan_segments", map[string]string{"workspace": "us"}); n != 12 {
		t.Errorf("segdash_scan_segments = %v, want 12", n)
	}
	if _, ok := value(fams, "segdash_scan_last_success_timestamp_seconds", map[string]string{"workspace": "us"}); !ok {
		t.Error("no segdash_scan_last_success_timestamp_seconds after a complete scan")
	}
	lists, _ := value(fams, "segdash_api_requests_total", map[string]string{"workspace": "us", "endpoint": "/segments/list", "status": "200"})
	series200, _ := value(fams, "segdash_api_requests_total", map[string]string{"workspace": "us", "endpoint": "/segments/data_series", "status": "200"})
	if lists != float64(f.api.Requests("list")) || series200 != float64(f.api.Requests("data_series")) {
		t.Errorf("requests counted: %v list, %v series; the stand-in saw %d and %d", lists, series200,
			f.api.Requests("list"), f.api.Requests("data_series"))
	}
	if left, _ := value(fams, "segdash_api_rate_limit_remaining", map[string]string{"workspace": "us"}); left != float64(250000-sent) {
		t.Errorf("segdash_api_rate_limit_remaining = %v, want %d", left, 250000-sent)
	}
	for _, name := range []string{"go_goroutines", "process_open_fds", "segdash_ssh_connections"} {
		if fams[name] == nil {
			t.Errorf("no %s", name)
		}
	}

	// The next tick scans again: the series are past the cache's TTL.
	f.clock.Advance(time.Hour)
	f.ticks <- start.Add(time.Hour)
	<-f.scanned
	if got := f.api.Requests("data_series"); got <= int64(series200) {
		t.Errorf("the tick sent no series request (%d in all)", got)
	}
}

func TestScheduleWaitsOutAViewersPartialScan(t *testing.T) {
	f := newFixture(t, "")
	release := make(chan struct{})
	viewer := f.ws.Hub.Join("tag vip", func(ctx context.Context, _ func(monitor.Progress)) *monitor.Report {
		<-release
		return &monitor.Report{}
	})
	defer viewer.Leave()
	url := f.run(t)
	if fams := scrape(t, url); fams["segdash_segment_size"] != nil {
		t.Error("sizes served before any scan of every segment")
	}
	close(release)
	<-f.scanned
	fams := scrape(t, url)
	if n, _ := value(fams, "segdash_scan_segments", map[string]string{"workspace": "default"}); n != 12 {
		t.Errorf("segdash_scan_segments{workspace=default} = %v, want 12 (the schedule's own scan)", n)
	}
}

func TestSessionsAndConnections(t *testing.T) {
	m := metrics.New()
	m.ConnectionOpened()
	m.ConnectionOpened()
	m.ConnectionClosed()
	m.SessionOpened("eu")
	fams, err := m.Gatherer().Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, fam := range fams {
		for _, s := range fam.GetMetric() {
			v := s.GetGauge().GetValue() + s.GetCounter().GetValue()
			got[fam.GetName()] = fmt.Sprint(v)
		}
	}
	for name, want := range map[string]string{"segdash_ssh_connections": "1", "segdash_ssh_connections_accepted_total": "2",
		"segdash_ssh_sessions": "1", "segdash_ssh_sessions_opened_total": "1"} {
		if got[name] != want {
			t.Errorf("%s = %s, want %s", name, got[name], want)
		}
	}
}

func TestEveryWorkspaceHasItsOwnLabel(t *testing.T) {
	us := newFixture(t, "us")
	eu := newFixtureOn(t, "eu", us.m, brazetest.NewWorkspace(5, 12))
	url := us.run(t, eu)
	<-us.scanned
	<-us.scanned
	fams := scrape(t, url)
	for _, f := range []*fixture{us, eu} {
		ws := f.ws.Name
		if n, _ := value(fams, "segdash_scan_segments", map[string]string{"workspace": ws}); n != 12 {
			t.Errorf("segdash_scan_segments{workspace=%s} = %v, want 12", ws, n)
		}
		seg := f.api.Workspace().Listed()[0]
		if _, ok := value(fams, "segdash_segment_size", map[string]string{"workspace": ws, "segment_id": seg.ID}); !ok {
			t.Errorf("no size of %s in workspace %s", seg.ID, ws)
		}
		n, _ := value(fams, "segdash_api_requests_total", map[string]string{"workspace": ws, "endpoint": "/segments/data_series", "status": "200"})
		if n != float64(f.api.Requests("data_series")) {
			t.Errorf("workspace %s: %v series requests counted, its API saw %d", ws, n, f.api.Requests("data_series"))
		}
	}
}
