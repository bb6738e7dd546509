package output

// This file writes scans as Prometheus metrics: one collector serves both
// `scan --format prometheus` (the text a textfile collector reads) and
// `serve --metrics` (an HTTP /metrics endpoint), so the two never differ.

import (
	"io"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/expfmt"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
)

// MetricsScan is one workspace's newest scan, as the metrics show it.
type MetricsScan struct {
	// Workspace names the workspace ("default" when there is one).
	Workspace string
	Summary   ScanSummary
	Rows      []monitor.Row
	// Incidents is how many incidents the scan found.
	Incidents int
	// Duration is how long the scan took; Succeeded when a scan of this
	// workspace last reached every segment (zero: never).
	Duration  time.Duration
	Succeeded time.Time
}

// MetricsOf is a scan as the metrics show it: its workspace labelled by
// WorkspaceLabel, its time, and when it reached every segment.
func MetricsOf(sum ScanSummary, rows []monitor.Row) MetricsScan {
	m := MetricsScan{Workspace: WorkspaceLabel(sum.Workspace), Summary: sum, Rows: rows,
		Incidents: len(sum.Incidents), Duration: sum.Duration}
	if sum.Missing() == 0 && !sum.Finished.IsZero() {
		m.Succeeded = sum.Finished
	}
	return m
}

var segmentLabels = []string{"workspace", "segment_id", "segment_name"}

// Descriptions of the metric families. Names follow Prometheus's
// conventions: base units (seconds), _timestamp_seconds for points in time,
// no _total on gauges.
var (
	sizeDesc = prometheus.NewDesc("segdash_segment_size",
		"Estimated size of the segment on the newest day of its series, in users.", segmentLabels, nil)
	dayChangeDesc = prometheus.NewDesc("segdash_segment_day_change",
		"Change of the segment's size over its newest day, in users.", segmentLabels, nil)
	newestDesc = prometheus.NewDesc("segdash_segment_newest_day_timestamp_seconds",
		"Start (00:00 UTC) of the newest day of the segment's series, as a Unix time.", segmentLabels, nil)
	scoreDesc = prometheus.NewDesc("segdash_segment_anomaly_score",
		"How unusual the newest day's change is against the series' own day-to-day variation (a robust z-score).", segmentLabels, nil)
	anomalyDesc = prometheus.NewDesc("segdash_segment_anomaly",
		"1 when the newest day's change is an anomaly, else 0.", segmentLabels, nil)
	alertsDesc = prometheus.NewDesc("segdash_segment_alerts",
		"Alerts firing for the segment (silenced ones not counted), by severity.", append(segmentLabels[:3:3], "severity"), nil)
	silencedDesc = prometheus.NewDesc("segdash_segment_alerts_silenced",
		"Alerts of the segment that a silence quiets.", segmentLabels, nil)
	scannedDesc = prometheus.NewDesc("segdash_scan_segments_scanned",
		"Segments the newest scan reached (failed ones included).", []string{"workspace"}, nil)
	failedDesc = prometheus.NewDesc("segdash_scan_segments_failed",
		"Segments whose series the newest scan could not get.", []string{"workspace"}, nil)
	listedDesc = prometheus.NewDesc("segdash_scan_segments",
		"Segments the newest scan set out to scan.", []string{"workspace"}, nil)
	incidentsDesc = prometheus.NewDesc("segdash_scan_incidents",
		"Incidents (segments that moved together) the newest scan found.", []string{"workspace"}, nil)
	durationDesc = prometheus.NewDesc("segdash_scan_duration_seconds",
		"How long the newest scan took.", []string{"workspace"}, nil)
	succeededDesc = prometheus.NewDesc("segdash_scan_last_success_timestamp_seconds",
		"When a scan last reached every segment, as a Unix time.", []string{"workspace"}, nil)
)

// ScanCollector is a prometheus.Collector over the newest scans that scans
// returns: it asks nothing of the API, so a scrape costs no request.
type ScanCollector struct {
	scans func() []MetricsScan
}

// NewScanCollector returns a collector over what scans returns at each
// collection.
func NewScanCollector(scans func() []MetricsScan) *ScanCollector {
	return &ScanCollector{scans: scans}
}

// Describe sends every family's description.
func (c *ScanCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{sizeDesc, dayChangeDesc, newestDesc, scoreDesc, anomalyDesc, alertsDesc,
		silencedDesc, scannedDesc, failedDesc, listedDesc, incidentsDesc, durationDesc, succeededDesc} {
		ch <- d
	}
}

// Collect sends the metrics of every scan. A segment listed twice in one
// workspace is sent once; label values are made safe one-line text.
func (c *ScanCollector) Collect(ch chan<- prometheus.Metric) {
	for _, s := range c.scans() {
		ws := SafeText(s.Workspace)
		gauge(ch, listedDesc, float64(s.Summary.Total), ws)
		gauge(ch, scannedDesc, float64(s.Summary.Done), ws)
		gauge(ch, failedDesc, float64(s.Summary.Failed), ws)
		gauge(ch, incidentsDesc, float64(s.Incidents), ws)
		gauge(ch, durationDesc, s.Duration.Seconds(), ws)
		if !s.Succeeded.IsZero() {
			gauge(ch, succeededDesc, float64(s.Succeeded.Unix()), ws)
		}
		seen := map[string]bool{}
		for _, r := range s.Rows {
			if seen[r.SegmentID] {
				continue
			}
			seen[r.SegmentID] = true
			collectRow(ch, ws, r)
		}
	}
}

// collectRow sends one segment's metrics; a segment with no data (tracking
// off, failed, not reached) has only its alerts.
func collectRow(ch chan<- prometheus.Metric, ws string, r monitor.Row) {
	labels := []string{ws, SafeText(r.SegmentID), SafeText(r.SegmentName)}
	var warn, crit, silenced float64
	for _, a := range r.Alerts {
		switch {
		case a.Silenced != "":
			silenced++
		case a.Severity == monitor.Critical:
			crit++
		default:
			warn++
		}
	}
	gauge(ch, alertsDesc, warn, append(labels, string(monitor.Warning))...)
	gauge(ch, alertsDesc, crit, append(labels, string(monitor.Critical))...)
	gauge(ch, silencedDesc, silenced, labels...)
	if r.Latest == nil {
		return
	}
	gauge(ch, sizeDesc, float64(r.Latest.Size), labels...)
	if d, err := client.ParseDate(r.Latest.Date); err == nil {
		gauge(ch, newestDesc, float64(d.Time().Unix()), labels...)
	}
	if r.DayChange != nil {
		gauge(ch, dayChangeDesc, float64(*r.DayChange), labels...)
	}
	gauge(ch, scoreDesc, r.Score, labels...)
	anomaly := 0.0
	if r.Anomaly {
		anomaly = 1
	}
	gauge(ch, anomalyDesc, anomaly, labels...)
}

// gauge sends one gauge; a value the library refuses (it checks label
// values are UTF-8, which SafeText already ensures) is left out rather
// than failing the whole exposition.
func gauge(ch chan<- prometheus.Metric, d *prometheus.Desc, v float64, labels ...string) {
	if m, err := prometheus.NewConstMetric(d, prometheus.GaugeValue, v, labels...); err == nil {
		ch <- m
	}
}

// WritePrometheus writes scans in Prometheus's text exposition format, as
// node_exporter's textfile collector reads it: every family with HELP and
// TYPE, label values escaped, no sample timestamps.
func WritePrometheus(w io.Writer, scans []MetricsScan) error {
	reg := prometheus.NewPedanticRegistry()
	if err := reg.Register(NewScanCollector(func() []MetricsScan { return scans })); err != nil {
		return err
	}
	families, err := reg.Gather()
	if err != nil {
		return err
	}
	for _, f := range families {
		if _, err := expfmt.MetricFamilyToText(w, f); err != nil {
			return err
		}
	}
	return nil
}
