package main

import (
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/segdash/segdash/cmd/segdash/config"
)

// withMetrics serves the metrics on a loopback port of the test's, with
// scheduled scans ticked by ticks; it returns the scrape URL.
func withMetrics(t *testing.T, f *serveFlags, ticks chan time.Time) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f.MetricsLn, f.ScanEvery = ln, time.Hour
	f.ScanTicker = func(time.Duration) (<-chan time.Time, func()) { return ticks, func() {} }
	return "http://" + ln.Addr().String() + "/metrics"
}

// scrapeText gets url and parses it with Prometheus's text parser.
func scrapeText(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(res.Body)
	if err != nil {
		t.Fatalf("the exposition does not parse: %v", err)
	}
	return fams
}

// sample is the value of name's sample with all of want's labels.
func sample(fams map[string]*dto.MetricFamily, name string, want map[string]string) (float64, bool) {
	for _, m := range fams[name].GetMetric() {
		n := 0
		for _, l := range m.GetLabel() {
			if v, ok := want[l.GetName()]; ok && v == l.GetValue() {
				n++
			}
		}
		if n == len(want) {
			return m.GetGauge().GetValue() + m.GetCounter().GetValue(), true
		}
	}
	return 0, false
}

// TestServeMetrics: serve --metrics scans at start through the shared
// hub, and a scrape answers segdash_segment_size by name, counts the SSH
// sessions, and sends no API request.
func TestServeMetrics(t *testing.T) {
	ticks := make(chan time.Time)
	var url string
	e := startServe(t, func(f *serveFlags, _ *config.Config) { url = withMetrics(t, f, ticks) })
	// The ticks are unbuffered: the first is taken once the scan at start
	// has ended, the second once the scan it started has ended too.
	ticks <- time.Now()
	ticks <- time.Now()
	if _, code := e.run(t, "check --format spark "+tracked(e.api, 1)[0].ID); code != 0 {
		t.Fatal("check over SSH failed")
	}
	sent := e.api.Requests("")
	fams := scrapeText(t, url)
	scrapeText(t, url)
	if n := e.api.Requests(""); n != sent {
		t.Errorf("two scrapes sent %d API requests", n-sent)
	}
	seg := tracked(e.api, 1)[0]
	if v, ok := sample(fams, "segdash_segment_size", map[string]string{"workspace": "default", "segment_name": seg.Name}); !ok || v <= 0 {
		t.Errorf("segdash_segment_size{segment_name=%q} = %v, %v", seg.Name, v, ok)
	}
	if v, _ := sample(fams, "segdash_ssh_sessions_opened_total", map[string]string{"workspace": "default"}); v != 1 {
		t.Errorf("segdash_ssh_sessions_opened_total = %v, want 1", v)
	}
	if v, _ := sample(fams, "segdash_api_requests_total", map[string]string{"endpoint": "/segments/list", "status": "200"}); v != float64(e.api.Requests("list")) {
		t.Errorf("list requests counted %v, the stand-in saw %d", v, e.api.Requests("list"))
	}
	if logs := e.logs.String(); !strings.Contains(logs, "serving metrics") || strings.Contains(logs, "beyond this machine") {
		t.Errorf("the log of a loopback --metrics:\n%s", logs)
	}
}

// TestServeKeepsTheWorkspaceBetweenRuns: what one run listed is saved at
// shutdown, and the next start lists nothing.
func TestServeKeepsTheWorkspaceBetweenRuns(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	ticks := make(chan time.Time)
	var cfg config.Config
	first := startServe(t, func(f *serveFlags, c *config.Config) { withMetrics(t, f, ticks); cfg = *c })
	ticks <- time.Now() // the scan at start has listed the workspace
	first.stop()
	if err := <-first.done; err != nil {
		t.Fatal(err)
	}
	first.done <- nil
	if entries, _ := os.ReadDir(os.Getenv("XDG_CACHE_HOME") + "/segdash"); len(entries) == 0 {
		t.Fatal("nothing saved at shutdown")
	}
	lists := first.api.Requests("list")
	startServe(t, func(f *serveFlags, c *config.Config) {
		withMetrics(t, f, ticks)
		c.Endpoint, c.APIKey = cfg.Endpoint, cfg.APIKey // the first run's workspace
	})
	ticks <- time.Now() // the second run's scan at start has ended
	if n := first.api.Requests("list"); n != lists {
		t.Errorf("the second start sent %d list requests, want none", n-lists)
	}
}

func TestServeMetricsFlagValidation(t *testing.T) {
	base := serveFlags{Listen: "127.0.0.1:1", AllowAnyKey: true, MaxSessions: 1, IdleTimeout: time.Minute, ConnRate: 1,
		ConnBurst: 1, Handshake: time.Second, MaxUnauth: 1, MaxUnauthPerIP: 1}
	for _, tc := range []struct {
		metrics string
		every   time.Duration
		want    string
	}{
		{"127.0.0.1:9464", time.Second, "--scan-every must be at least 1m"},
		{"9464", time.Hour, "want HOST:PORT"},
	} {
		f := base
		f.Metrics, f.ScanEvery = tc.metrics, tc.every
		if err := f.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("--metrics %s --scan-every %s: %v, want %q", tc.metrics, tc.every, err, tc.want)
		}
	}
}
