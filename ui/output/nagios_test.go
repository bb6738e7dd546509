package output

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/segdash/segdash/client/monitor"
)

// nagiosRange is a threshold range of the plugin guidelines: alert when
// the value is outside [lo, hi], or inside it when the range starts "@".
type nagiosRange struct {
	lo, hi float64
	inside bool
}

func parseNagiosRange(t *testing.T, s string) (nagiosRange, bool) {
	t.Helper()
	if s == "" {
		return nagiosRange{}, false
	}
	r := nagiosRange{lo: 0, hi: math.Inf(1)}
	if strings.HasPrefix(s, "@") {
		r.inside, s = true, s[1:]
	}
	num := func(v string) float64 {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("range %q: %v", s, err)
		}
		return f
	}
	lo, hi, colon := strings.Cut(s, ":")
	if !colon {
		r.hi = num(lo)
		return r, true
	}
	switch lo {
	case "~":
		r.lo = math.Inf(-1)
	case "":
	default:
		r.lo = num(lo)
	}
	if hi != "" {
		r.hi = num(hi)
	}
	return r, true
}

func (r nagiosRange) alerts(v float64) bool {
	in := v >= r.lo && v <= r.hi
	return in == r.inside
}

// perfState reads a status line's perfdata as a threshold parser does and
// returns the state the values say.
func perfState(t *testing.T, line string) NagiosState {
	t.Helper()
	_, perf, ok := strings.Cut(line, " | ")
	if !ok {
		return NagiosOK
	}
	state := NagiosOK
	for perf != "" {
		if perf[0] != '\'' {
			t.Fatalf("perfdata %q: label not quoted", perf)
		}
		end := 1
		for ; end < len(perf); end++ {
			if perf[end] == '\'' {
				if end+1 < len(perf) && perf[end+1] == '\'' {
					end++
					continue
				}
				break
			}
		}
		rest := perf[end+1:]
		if !strings.HasPrefix(rest, "=") {
			t.Fatalf("perfdata %q: no '=' after the label", perf)
		}
		item, next, _ := strings.Cut(rest[1:], " ")
		perf = next
		fields := strings.Split(item, ";")
		v, err := strconv.ParseFloat(strings.TrimRight(fields[0], "%sBc"), 64)
		if err != nil {
			t.Fatalf("perfdata value %q: %v", fields[0], err)
		}
		get := func(i int) string {
			if i < len(fields) {
				return fields[i]
			}
			return ""
		}
		if r, ok := parseNagiosRange(t, get(2)); ok && r.alerts(v) {
			state = state.Worse(NagiosCritical)
		} else if r, ok := parseNagiosRange(t, get(1)); ok && r.alerts(v) {
			state = state.Worse(NagiosWarning)
		}
	}
	return state
}

func TestNagiosRangeParser(t *testing.T) {
	cases := []struct {
		r    string
		v    float64
		want bool
	}{
		{"10", 11, true}, {"10", 5, false}, {"10", -1, true},
		{"10:", 9, true}, {"10:", 10, false},
		{"~:10", -100, false}, {"~:10", 11, true},
		{"10:20", 15, false}, {"10:20", 21, true},
		{"@10:20", 15, true}, {"@10:20", 21, false},
		{"0", 0, false}, {"0", 1, true},
	}
	for _, c := range cases {
		r, _ := parseNagiosRange(t, c.r)
		if got := r.alerts(c.v); got != c.want {
			t.Errorf("range %q value %v: alerts = %v, want %v", c.r, c.v, got, c.want)
		}
	}
}

func alertRow(name string, alerts ...monitor.Alert) monitor.Row {
	return monitor.Row{SegmentID: "id-" + name, SegmentName: name, Status: monitor.StatusOK, Alerts: alerts}
}

func TestNagiosScanStatesMatchPerfdata(t *testing.T) {
	warnA := monitor.Alert{Rule: "drop", Reason: "fell", Severity: monitor.Warning}
	critA := monitor.Alert{Rule: "floor", Reason: "below", Severity: monitor.Critical}
	silA := monitor.Alert{Rule: "floor", Reason: "below", Severity: monitor.Critical, Silenced: "silenced until 2026-12-31: known"}
	sum := ScanSummary{Total: 3, Done: 3}
	cases := []struct {
		name  string
		sum   ScanSummary
		rows  []monitor.Row
		state NagiosState
		perf  NagiosState
	}{
		{"nothing", sum, []monitor.Row{alertRow("a"), alertRow("b")}, NagiosOK, NagiosOK},
		{"one warning", sum, []monitor.Row{alertRow("a", warnA)}, NagiosWarning, NagiosWarning},
		{"a critical", sum, []monitor.Row{alertRow("a", warnA), alertRow("b", critA)}, NagiosCritical, NagiosCritical},
		{"silenced", sum, []monitor.Row{alertRow("a", silA)}, NagiosOK, NagiosOK},
		{"missing", ScanSummary{Total: 3, Done: 2, Failed: 1}, []monitor.Row{alertRow("a")}, NagiosUnknown, NagiosOK},
		{"missing and a warning", ScanSummary{Total: 3, Done: 2}, []monitor.Row{alertRow("a", warnA)}, NagiosWarning, NagiosWarning},
	}
	for _, c := range cases {
		var b bytes.Buffer
		if err := NagiosScan(c.sum, c.rows, nil).Write(&b); err != nil {
			t.Fatal(err)
		}
		line, _, _ := strings.Cut(b.String(), "\n")
		if !strings.HasPrefix(line, "SEGDASH "+c.state.String()+" - ") {
			t.Errorf("%s: status line %q, want %s", c.name, line, c.state)
		}
		if got := perfState(t, line); got != c.perf {
			t.Errorf("%s: perfdata reads %s, want %s: %q", c.name, got, c.perf, line)
		}
	}
}

func TestNagiosScanShortFirstLineAndDetails(t *testing.T) {
	var rows []monitor.Row
	for i := range 300 {
		rows = append(rows, alertRow(fmt.Sprintf("Segment with a long | name %d", i),
			monitor.Alert{Rule: "drop", Reason: "newest day fell by 1,234 (-12.3%, limit 10%)", Severity: monitor.Warning}))
	}
	inc := []monitor.IncidentRow{{Summary: "6 segments tagged warehouse fell 49–50% on Dec 5 2026",
		Segments: []monitor.IncidentSegment{{SegmentID: "id-Segment with a long | name 0", SegmentName: "Segment with a long | name 0"}}}}
	var b bytes.Buffer
	if err := NagiosScan(ScanSummary{Total: 300, Done: 300}, rows, inc).Write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	text, _, _ := strings.Cut(lines[0], " | ")
	if n := utf8.RuneCountInString(text); n > len("SEGDASH WARNING - ")+MaxNagiosText {
		t.Errorf("status text is %d characters: %q", n, text)
	}
	if !strings.Contains(text, "- 0 critical, 300 warning: 6 segments tagged warehouse") {
		t.Errorf("the incident does not lead the status text: %q", text)
	}
	if strings.Count(lines[0], "|") != 1 {
		t.Errorf("a '|' in a name reached the status line: %q", lines[0])
	}
	if len(lines) != 1+1+300 {
		t.Errorf("%d lines, want the status, the incident and 300 alerts", len(lines))
	}
	if !strings.HasPrefix(lines[1], "INCIDENT 6 segments") || !strings.HasPrefix(lines[2], "WARNING Segment with a long ¦ name 0: drop - ") {
		t.Errorf("details start %q / %q", lines[1], lines[2])
	}
}

func TestNagiosErrorIsUnknown(t *testing.T) {
	var b bytes.Buffer
	if err := NagiosError(errors.New("no such segment \"x|y\"\nmore")).Write(&b); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "SEGDASH UNKNOWN - no such segment \"x¦y\"\n" {
		t.Errorf("got %q", got)
	}
}

func TestNagiosPerfLabelsUniqueAndQuoted(t *testing.T) {
	n := Nagios{Text: "ok", Perf: []NagiosPerf{{Label: "it's", Value: 1}, {Label: "it's", Value: 2, Warn: NagiosBelow(5), Crit: NagiosBelow(2), Min: "0"}}}
	var b bytes.Buffer
	_ = n.Write(&b)
	want := "SEGDASH OK - ok | 'it''s'=1 'it''s (2)'=2;5:;2:;0\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	if perfState(t, b.String()) != NagiosWarning {
		t.Error("2 under the warning floor 5 should read WARNING")
	}
}
