package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
)

var (
	remainingDesc = prometheus.NewDesc("segdash_api_rate_limit_remaining",
		"Requests left in the workspace's hourly Braze API budget, as its newest response said (absent until one did).",
		[]string{"workspace"}, nil)
	limitDesc = prometheus.NewDesc("segdash_api_rate_limit",
		"The workspace's hourly Braze API budget, as its newest response said.", []string{"workspace"}, nil)
	resetDesc = prometheus.NewDesc("segdash_api_rate_limit_reset_timestamp_seconds",
		"When the workspace's API budget is renewed, as a Unix time.", []string{"workspace"}, nil)
)

// budgetCollector reads each workspace's rate limit from its cache at
// every scrape: what the API's newest response said, no request sent.
type budgetCollector []Budget

// Describe sends the budget's descriptions.
func (b budgetCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- remainingDesc
	ch <- limitDesc
	ch <- resetDesc
}

// Collect sends the budget of every workspace whose budget is known.
func (b budgetCollector) Collect(ch chan<- prometheus.Metric) {
	for _, w := range b {
		r, known := w.Cache.RateLimit()
		if !known {
			continue
		}
		ws := Label(w.Workspace)
		ch <- prometheus.MustNewConstMetric(remainingDesc, prometheus.GaugeValue, float64(r.Remaining), ws)
		ch <- prometheus.MustNewConstMetric(limitDesc, prometheus.GaugeValue, float64(r.Limit), ws)
		if !r.Reset.IsZero() {
			ch <- prometheus.MustNewConstMetric(resetDesc, prometheus.GaugeValue, float64(r.Reset.Unix()), ws)
		}
	}
}
