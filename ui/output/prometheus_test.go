package output

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/segdash/segdash/client/monitor"
)

func promRows() []monitor.Row {
	change := int64(-500)
	return []monitor.Row{
		{SegmentID: "a1", SegmentName: "Spike \"club\"\n\x1b[31mred\\", Status: monitor.StatusOK,
			Latest: &monitor.Latest{Date: "2026-12-05", Size: 29383}, DayChange: &change, Score: -7.5, Anomaly: true,
			Alerts: []monitor.Alert{
				{Rule: "floor", Reason: "below", Severity: monitor.Critical},
				{Rule: "anomaly", Reason: "fall", Severity: monitor.Warning},
				{Rule: "drop", Reason: "fell", Severity: monitor.Warning, Silenced: "silenced until 2026-12-31: known"},
			}},
		{SegmentID: "b2", SegmentName: "Untracked", Status: monitor.StatusTrackingOff},
		{SegmentID: "a1", SegmentName: "listed twice", Status: monitor.StatusOK, Latest: &monitor.Latest{Date: "2026-12-05", Size: 1}},
	}
}

func TestWritePrometheusParses(t *testing.T) {
	var b bytes.Buffer
	succeeded := time.Date(2026, 12, 6, 6, 30, 0, 0, time.UTC)
	scans := []MetricsScan{{Workspace: "us", Summary: ScanSummary{Total: 3, Done: 3, Failed: 1}, Rows: promRows(),
		Incidents: 1, Duration: 1500 * time.Millisecond, Succeeded: succeeded}}
	if err := WritePrometheus(&b, scans); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(text))
	if err != nil {
		t.Fatalf("the text parser refused the exposition: %v\n%s", err, text)
	}
	for name, f := range fams {
		if f.GetHelp() == "" || !strings.Contains(text, "# TYPE "+name+" gauge") {
			t.Errorf("%s lacks HELP or TYPE", name)
		}
		for _, m := range f.GetMetric() {
			if m.TimestampMs != nil {
				t.Errorf("%s has a sample timestamp", name)
			}
		}
	}
	value := func(name string, labels map[string]string) (float64, int) {
		n, v := 0, 0.0
	metrics:
		for _, m := range fams[name].GetMetric() {
			for _, l := range m.GetLabel() {
				if want, ok := labels[l.GetName()]; ok && want != l.GetValue() {
					continue metrics
				}
			}
			n, v = n+1, m.GetGauge().GetValue()
		}
		return v, n
	}
	name := "Spike \"club\" red\\"
	if v, n := value("segdash_segment_size", map[string]string{"workspace": "us", "segment_id": "a1"}); n != 1 || v != 29383 {
		t.Errorf("size of a1 = %v in %d samples, want 29383 in 1 (the repeat left out)", v, n)
	}
	if _, n := value("segdash_segment_size", map[string]string{"segment_name": name}); n != 1 {
		t.Errorf("no size under the escaped, one-line name %q:\n%s", name, text)
	}
	if _, n := value("segdash_segment_size", map[string]string{"segment_id": "b2"}); n != 0 {
		t.Error("an untracked segment has a size")
	}
	for sev, want := range map[string]float64{"critical": 1, "warning": 1} {
		if v, n := value("segdash_segment_alerts", map[string]string{"segment_id": "a1", "severity": sev}); n != 1 || v != want {
			t.Errorf("%s alerts = %v (%d samples), want %v", sev, v, n, want)
		}
	}
	checks := map[string]float64{
		"segdash_segment_alerts_silenced":              1,
		"segdash_segment_anomaly":                      1,
		"segdash_segment_anomaly_score":                -7.5,
		"segdash_segment_day_change":                   -500,
		"segdash_segment_newest_day_timestamp_seconds": float64(time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC).Unix()),
	}
	for fam, want := range checks {
		if v, n := value(fam, map[string]string{"segment_id": "a1"}); n != 1 || v != want {
			t.Errorf("%s = %v (%d samples), want %v", fam, v, n, want)
		}
	}
	scan := map[string]float64{
		"segdash_scan_segments": 3, "segdash_scan_segments_scanned": 3, "segdash_scan_segments_failed": 1,
		"segdash_scan_incidents": 1, "segdash_scan_duration_seconds": 1.5,
		"segdash_scan_last_success_timestamp_seconds": float64(succeeded.Unix()),
	}
	for fam, want := range scan {
		if v, n := value(fam, map[string]string{"workspace": "us"}); n != 1 || v != want {
			t.Errorf("%s = %v (%d samples), want %v", fam, v, n, want)
		}
	}
	if strings.Contains(text, "\x1b") {
		t.Error("an escape sequence reached the exposition")
	}
}

func TestWritePrometheusWorkspacesAndNoSuccessYet(t *testing.T) {
	var b bytes.Buffer
	rows := []monitor.Row{{SegmentID: "x", SegmentName: "X", Latest: &monitor.Latest{Date: "2026-12-05", Size: 5}}}
	err := WritePrometheus(&b, []MetricsScan{{Workspace: "us", Rows: rows}, {Workspace: "eu", Rows: rows}})
	if err != nil {
		t.Fatal(err)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fams["segdash_segment_size"].GetMetric()); n != 2 {
		t.Errorf("one segment id in two workspaces gave %d samples, want 2", n)
	}
	if _, ok := fams["segdash_scan_last_success_timestamp_seconds"]; ok {
		t.Error("a workspace never scanned whole has a last-success time")
	}
}
