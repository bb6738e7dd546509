package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
)

// TestScanReasonsInEveryFormat: a rule's reason reads with grouped numbers
// in the table, JSON, CSV and Nagios alike, while the fields that hold a
// number (JSON's size, CSV's size column, Nagios' perfdata) stay plain
// numbers for machines.
func TestScanReasonsInEveryFormat(t *testing.T) {
	const reason = "floor: size 865,982 is below 900,000"
	pts := []client.Point{{Day: scanDay0, Size: 870_000}, {Day: scanDay0.AddDays(1), Size: 865_982}}
	seg := client.Segment{ID: "id-1", Name: "VIP", AnalyticsTrackingEnabled: true}
	res := monitor.Result{Segment: seg, Done: true, Stats: monitor.Analyze(pts, monitor.DefaultDetector())}
	below := int64(900_000)
	res.Alerts = monitor.EvaluateAll([]monitor.Rule{{Name: "floor", Target: monitor.Target{All: true}, Below: &below}},
		monitor.Subject{Segment: seg, Stats: res.Stats}, nil)
	rows := []monitor.Row{monitor.RowOf(res)}
	sum := ScanSummary{Scope: "all segments", Length: 2, Through: "2026-11-02", Total: 1, Done: 1}
	write := func(format string) string {
		var b bytes.Buffer
		if err := WriteScan(&b, format, sum, rows, 0, 100); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}

	if out := write("table"); !strings.Contains(out, "    "+reason+"\n") {
		t.Errorf("table:\n%s", out)
	}

	var doc struct {
		Segments []struct {
			Latest map[string]any  `json:"latest"`
			Alerts []monitor.Alert `json:"alerts"`
		} `json:"segments"`
	}
	if err := json.Unmarshal([]byte(write("json")), &doc); err != nil || len(doc.Segments) != 1 {
		t.Fatalf("json: %v %+v", err, doc)
	}
	s := doc.Segments[0]
	if size, ok := s.Latest["size"].(float64); !ok || size != 865_982 {
		t.Errorf("json size is not the number 865982: %#v", s.Latest["size"])
	}
	if len(s.Alerts) != 1 || s.Alerts[0].Rule+": "+s.Alerts[0].Reason != reason {
		t.Errorf("json alerts %+v", s.Alerts)
	}

	recs, err := csv.NewReader(strings.NewReader(write("csv"))).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("csv: %v %q", err, recs)
	}
	if head, rec := recs[0], recs[1]; head[4] != "size" || rec[4] != "865982" || head[11] != "alerts" || rec[11] != reason {
		t.Errorf("csv: %q", recs)
	}

	msg, perf, ok := strings.Cut(write("nagios"), " | ")
	if !ok || msg != "SEGDASH WARNING - 0 critical, 1 warning: VIP: floor" || !strings.HasPrefix(perf, "'critical'=0;;0;0 'warning'=1;0;;0 ") ||
		!strings.Contains(perf, "\nWARNING VIP: floor - size 865,982 is below 900,000\n") {
		t.Errorf("nagios: %q | %q", msg, perf)
	}
}
