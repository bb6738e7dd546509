// Package metrics is what `segdash serve --metrics` exposes to Prometheus:
// the newest scheduled scan of every served workspace, and the process's
// own counts (API requests, the rate-limit budget left, SSH sessions and
// connections, the Go runtime). A scrape reads what is in memory and never
// sends an API request.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// Metrics is the registry of one serve process: its own, not Prometheus's
// global one, so two servers in one process (tests) never share a count.
type Metrics struct {
	reg           *prometheus.Registry
	requests      *prometheus.CounterVec
	sessions      *prometheus.GaugeVec
	sessionsTotal *prometheus.CounterVec
	conns         prometheus.Gauge
	connsTotal    prometheus.Counter
}

// New returns the registry with the process's own metrics: API requests,
// SSH sessions and connections, and the Go and process collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "segdash_api_requests_total",
			Help: "HTTP requests sent to the Braze API (each retry counts), by endpoint and status code (0: no response)."},
			[]string{"workspace", "endpoint", "status"}),
		sessions: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "segdash_ssh_sessions",
			Help: "SSH sessions open now (dashboards and one-shot commands), by the workspace their user name picked."},
			[]string{"workspace"}),
		sessionsTotal: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "segdash_ssh_sessions_opened_total",
			Help: "SSH sessions let in since the server started, by workspace."}, []string{"workspace"}),
		conns: prometheus.NewGauge(prometheus.GaugeOpts{Name: "segdash_ssh_connections",
			Help: "Authenticated SSH connections open now, with a session or not."}),
		connsTotal: prometheus.NewCounter(prometheus.CounterOpts{Name: "segdash_ssh_connections_accepted_total",
			Help: "Authenticated SSH connections accepted since the server started."}),
	}
	m.reg.MustRegister(m.requests, m.sessions, m.sessionsTotal, m.conns, m.connsTotal,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Label is the workspace label of a workspace name: "default" for the
// unnamed one.
func Label(name string) string {
	if name == "" {
		return "default"
	}
	return name
}

// RequestObserver counts the API requests of the named workspace's client
// (client.WithRequestObserver).
func (m *Metrics) RequestObserver(workspace string) client.RequestObserver {
	ws := Label(workspace)
	return func(endpoint string, status int) {
		m.requests.WithLabelValues(ws, endpoint, strconv.Itoa(status)).Inc()
	}
}

// SessionOpened counts a session let into workspace.
func (m *Metrics) SessionOpened(workspace string) {
	m.sessions.WithLabelValues(Label(workspace)).Inc()
	m.sessionsTotal.WithLabelValues(Label(workspace)).Inc()
}

// SessionClosed counts a session of workspace that ended.
func (m *Metrics) SessionClosed(workspace string) { m.sessions.WithLabelValues(Label(workspace)).Dec() }

// ConnectionOpened counts an authenticated connection let in.
func (m *Metrics) ConnectionOpened() { m.conns.Inc(); m.connsTotal.Inc() }

// ConnectionClosed counts an authenticated connection that ended.
func (m *Metrics) ConnectionClosed() { m.conns.Dec() }

// Budget is a workspace whose rate-limit budget is exposed.
type Budget struct {
	Workspace string
	Cache     *client.Cache
}

// Watch adds the rate-limit budget of every workspace in budgets and the
// newest scans that scans returns (output.NewScanCollector) to the
// registry.
func (m *Metrics) Watch(budgets []Budget, scans func() []output.MetricsScan) error {
	if err := m.reg.Register(budgetCollector(budgets)); err != nil {
		return err
	}
	return m.reg.Register(output.NewScanCollector(scans))
}

// Handler serves the registry in the exposition format a scrape asks for
// (text or protobuf), without sample timestamps, at most a few scrapes at
// once, each bounded in time.
func (m *Metrics) Handler() http.Handler {
	return promhttp.InstrumentMetricHandler(m.reg, promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		Registry: m.reg, MaxRequestsInFlight: 4, Timeout: 10 * time.Second}))
}

// Gatherer is the registry, for tests and for writing it elsewhere.
func (m *Metrics) Gatherer() prometheus.Gatherer { return m.reg }
