package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
)

var scanDay0 = client.Date{Year: 2026, Month: 11, Day: 1}

func scanRow(id, name string, tracked bool, err error, sizes ...int64) monitor.Row {
	pts := make([]client.Point, len(sizes))
	for i, s := range sizes {
		pts[i] = client.Point{Day: scanDay0.AddDays(i), Size: s}
	}
	r := monitor.Result{Segment: client.Segment{ID: id, Name: name, AnalyticsTrackingEnabled: tracked}, Done: true, Err: err}
	if tracked && err == nil {
		r.Stats = monitor.Analyze(pts, monitor.DefaultDetector())
		if r.Stats.DayChange < -100 {
			r.Alerts = []monitor.Alert{{Rule: "drop", Reason: "newest day fell"}}
		}
	}
	return monitor.RowOf(r)
}

func scanFixture() (ScanSummary, []monitor.Row) {
	rows := []monitor.Row{
		scanRow("a", "Steady", true, nil, 1000, 1010, 1020),
		scanRow("b", "=HYPERLINK(\"x\")\x1b]0;pwn\x07", true, nil, 5000, 5000, 2000),
		scanRow("c", "Growing", true, nil, 100, 150, 300),
		scanRow("d", "Untracked", false, nil),
		scanRow("e", "Broken", true, errors.New("server error (HTTP 500)")),
	}
	return ScanSummary{Scope: "all segments", Length: 3, Through: "2026-11-03", Total: 5, Done: 5, Failed: 1}, rows
}

func TestWriteScanTable(t *testing.T) {
	sum, rows := scanFixture()
	var b bytes.Buffer
	if err := WriteScan(&b, "table", sum, rows, 0, 100); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"scan of all segments: 5 segments · 3 days through 2026-11-03 · 1 alerted · 1 tracking off · 1 failed",
		"ALERTS (1)", "drop: newest day fell",
		"FALLS · NEWEST DAY (1)", "-3k -60.0%",
		"RISES · NEWEST DAY (2)", "+150 +100.0%",
		"FAILED (1)", "server error (HTTP 500)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("escape reached the table: %q", out)
	}
	// Growing (+100%) ranks above Steady (+1%) among the rises.
	if i, j := strings.Index(out, "Growing"), strings.Index(out, "Steady"); i < 0 || j < 0 || i > j {
		t.Errorf("rises out of order:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if Width(line) > 100 {
			t.Errorf("line wider than 100: %q", line)
		}
	}
}

func TestWriteScanJSONAndCSV(t *testing.T) {
	sum, rows := scanFixture()
	var b bytes.Buffer
	if err := WriteScan(&b, "json", sum, rows, 0, 0); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Missing  int           `json:"missing"`
		Segments []monitor.Row `json:"segments"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Missing != 1 || len(doc.Segments) != 5 || doc.Segments[1].SegmentName != rows[1].SegmentName {
		t.Errorf("json lost data: %+v", doc)
	}
	if bytes.ContainsAny(b.Bytes(), "\x1b\x07") {
		t.Error("raw escape in json")
	}
	b.Reset()
	if err := WriteScan(&b, "csv", sum, rows, 2, 0); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "segment_id,segment_name,status,date,size,day_change") {
		t.Fatalf("csv with --top 2:\n%s", b.String())
	}
	if !strings.Contains(lines[2], `"'=HYPERLINK(""x"")`) || strings.ContainsAny(lines[2], "\x1b\x07") {
		t.Errorf("formula or escape not neutralised: %q", lines[2])
	}
}

func TestWriteScanNagiosAndExit(t *testing.T) {
	sum, rows := scanFixture()
	cases := []struct {
		name   string
		sum    ScanSummary
		rows   []monitor.Row
		status string
		code   int
	}{
		{"failed", sum, rows, "SEGDASH WARNING - 0 critical, 1 warning: ", 2},
		{"fired", ScanSummary{Total: 3, Done: 3}, rows[:3], "SEGDASH WARNING - ", 1},
		{"quiet", ScanSummary{Total: 2, Done: 2}, []monitor.Row{rows[0], rows[2]}, "SEGDASH OK - 2 segments scanned, nothing fired | 'critical'=0", 0},
	}
	for _, c := range cases {
		var b bytes.Buffer
		if err := WriteScan(&b, "nagios", c.sum, c.rows, 0, 0); err != nil {
			t.Fatal(err)
		}
		line, _, _ := strings.Cut(b.String(), "\n")
		if !strings.HasPrefix(line, c.status) || !strings.HasPrefix(line, "SEGDASH "+perfState(t, line).String()+" - ") {
			t.Errorf("%s: %q", c.name, b.String())
		}
		if got := ScanExitCode(c.sum, c.rows); got != c.code {
			t.Errorf("%s: exit %d, want %d", c.name, got, c.code)
		}
	}
	if err := WriteScan(&bytes.Buffer{}, "yaml", sum, rows, 0, 0); err == nil || !strings.Contains(err.Error(), "table, json, csv, nagios") {
		t.Errorf("unknown format: %v", err)
	}
}

// TestScanTableNarrow: on a narrow terminal WINDOW Δ gives way first, then
// SCORE, and no line is wider than the terminal.
func TestScanTableNarrow(t *testing.T) {
	sum, rows := scanFixture()
	for _, c := range []struct {
		width         int
		window, score bool
	}{{100, true, true}, {70, false, true}, {50, false, false}} {
		var b bytes.Buffer
		if err := WriteScan(&b, "table", sum, rows, 0, c.width); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, "WINDOW Δ") != c.window || strings.Contains(out, "SCORE") != c.score || !strings.Contains(out, "DAY Δ") {
			t.Errorf("width %d: columns wrong:\n%s", c.width, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if Width(line) > c.width {
				t.Errorf("width %d: line of %d: %q", c.width, Width(line), line)
			}
		}
	}
}
