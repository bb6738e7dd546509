package output

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/monitor"
)

func seriesOf(sizes ...int64) *client.Series {
	d := client.Date{Year: 2026, Month: 11, Day: 1}
	s := &client.Series{Length: len(sizes)}
	for i, v := range sizes {
		s.Points = append(s.Points, client.Point{Day: d.AddDays(i), Size: v})
	}
	return s
}

func i64(v int64) *int64     { return &v }
func f64(v float64) *float64 { return &v }
func nagiosLine(n Nagios) string {
	var b strings.Builder
	n.Write(&b)
	line, _, _ := strings.Cut(b.String(), "\n")
	return line
}

// TestNagiosCheckThresholdsReadAsTheStatus: for every tier a threshold
// parser by the plugin guidelines reads the perfdata as the status says.
func TestNagiosCheckThresholdsReadAsTheStatus(t *testing.T) {
	th := check.Thresholds{Min: i64(1000), CriticalMin: i64(500), MaxDrop: f64(10), CriticalMaxDrop: f64(40)}
	seg := client.Segment{ID: "a", Name: "VIP"}
	warn := check.Breach{Rule: "--min", Severity: monitor.Warning, Threshold: true, Reason: "below --min"}
	crit := check.Breach{Rule: "--critical-min", Severity: monitor.Critical, Threshold: true, Reason: "below --critical-min"}
	cases := []struct {
		name     string
		s        *client.Series
		breaches []check.Breach
		want     NagiosState
	}{
		{"ok", seriesOf(2000, 2000), nil, NagiosOK},
		{"warning size", seriesOf(800, 800), []check.Breach{warn}, NagiosWarning},
		{"critical size", seriesOf(400, 400), []check.Breach{crit}, NagiosCritical},
		{"warning drop", seriesOf(2000, 1600), []check.Breach{{Rule: "--max-drop", Severity: monitor.Warning, Threshold: true}}, NagiosWarning},
		{"critical drop", seriesOf(5000, 2000), []check.Breach{{Rule: "--critical-max-drop", Severity: monitor.Critical, Threshold: true}}, NagiosCritical},
	}
	for _, c := range cases {
		rep := &check.Report{Thresholds: th, Results: []check.Result{{Segment: seg, Series: c.s, Breaches: c.breaches}}}
		n := NagiosCheck(CheckResults(rep), rep.Problems, rep.Thresholds)
		line := nagiosLine(n)
		if n.State != c.want || perfState(t, line) != c.want || !strings.HasPrefix(line, "SEGDASH "+c.want.String()+" - ") {
			t.Errorf("%s: state %v, parser reads %v: %q", c.name, n.State, perfState(t, line), line)
		}
	}
	line := nagiosLine(NagiosCheck(CheckResults(&check.Report{Results: []check.Result{{Segment: seg, Series: seriesOf(2000, 1600)}}}), nil, th))
	if !strings.Contains(line, "'VIP'=1600;1000:;500:;0 'VIP drop'=20%;~:10;~:40;;100") {
		t.Errorf("perfdata: %q", line)
	}
}

// TestNagiosCheckProblemsAreUnknown: segments that could not be checked,
// with nothing breached, are UNKNOWN; a breach wins over them.
func TestNagiosCheckProblemsAreUnknown(t *testing.T) {
	rep := &check.Report{Problems: []string{`"Gone": no such segment`}}
	if n := NagiosCheck(CheckResults(rep), rep.Problems, rep.Thresholds); n.State != NagiosUnknown || !strings.Contains(n.Text, "1 of 1 segments could not be checked") {
		t.Errorf("%v %q", n.State, n.Text)
	}
	rep.Results = []check.Result{{Segment: client.Segment{ID: "a"}, Series: seriesOf(1, 1),
		Breaches: []check.Breach{{Rule: "big", Reason: "x", Severity: monitor.Critical}}}}
	if n := NagiosCheck(CheckResults(rep), rep.Problems, rep.Thresholds); n.State != NagiosCritical || !strings.Contains(n.Text, "1 critical, 0 warning: a: big") {
		t.Errorf("%v %q", n.State, n.Text)
	}
}

// TestNagiosCheckPipeInNames: a "|" in a segment name or a reason does not
// end the status text early; the perfdata label keeps its own quoting.
func TestNagiosCheckPipeInNames(t *testing.T) {
	rep := &check.Report{Results: []check.Result{{Segment: client.Segment{ID: "x", Name: "+cmd|'/c calc'!A0"}, Series: seriesOf(5),
		Breaches: []check.Breach{{Rule: "r|1", Reason: "latest size 5 | below 10", Severity: monitor.Warning}}}}}
	line := nagiosLine(NagiosCheck(CheckResults(rep), rep.Problems, rep.Thresholds))
	text, perf, _ := strings.Cut(line, " | ")
	if !strings.Contains(text, "+cmd¦'/c calc'!A0") || !strings.Contains(text, "r¦1") || !strings.HasPrefix(perf, "'+cmd|''/c calc''!A0'=5") {
		t.Fatalf("status %q, perfdata %q", text, perf)
	}
}
