package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/cli"
)

func TestCheckComparePrevious(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	s := tracked(h, 1)[0]
	clock := func() time.Time { return testNow }
	last := dateOf(testNow).AddDays(-1)
	avg := func(from client.Date, n int) float64 {
		sum := 0.0
		for i := range n {
			sum += float64(s.SizeOn(from.AddDays(i)))
		}
		return sum / float64(n)
	}
	cur, prev := avg(last.AddDays(-6), 7), avg(last.AddDays(-13), 7)
	wantPct := (cur - prev) / prev * 100

	code, out, errs := runSegdashAt(t, clock, env, "check", "--compare", "previous", "--length", "7", "--format", "json", s.ID)
	if code != 0 {
		t.Fatalf("json: exit %d %s", code, errs)
	}
	var js struct {
		Segments []struct {
			Previous *struct {
				Length int
				Points []struct {
					Date client.Date
					Size int64
				}
				ChangePct  *float64 `json:"change_pct"`
				Comparison string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil || len(js.Segments) != 1 || js.Segments[0].Previous == nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	p := js.Segments[0].Previous
	if p.Length != 7 || len(p.Points) != 7 || p.Points[6].Date != last.AddDays(-7) || p.Points[0].Date != last.AddDays(-13) ||
		p.Points[3].Size != s.SizeOn(last.AddDays(-10)) {
		t.Errorf("previous period: %+v; want the 7 days to %s", p, last.AddDays(-7))
	}
	if p.ChangePct == nil || math.Abs(*p.ChangePct-wantPct) > 0.051 || !strings.HasPrefix(p.Comparison, "vs previous 7 days: ") {
		t.Errorf("comparison %v %q; want %.2f %%", p.ChangePct, p.Comparison, wantPct)
	}
	if n := h.Requests("data_series"); n != 2 {
		t.Errorf("%d series requests; want 2 (this period and the previous)", n)
	}

	code, out, _ = runSegdashAt(t, clock, env, "check", "--compare", "previous", "--length", "7", "--format", "csv", s.ID)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 15 || strings.Join(rows[0], ",") != "segment_id,segment_name,date,size,period" {
		t.Fatalf("csv: exit %d %v\n%s", code, err, out)
	}
	if rows[1][4] != "previous" || rows[1][2] != last.AddDays(-13).String() || rows[14][4] != "current" || rows[14][2] != last.String() {
		t.Errorf("csv rows: %v … %v", rows[1], rows[14])
	}

	code, out, _ = runSegdashAt(t, clock, env, "check", "--compare", "previous", "--length", "7", s.ID)
	if code != 0 || !strings.Contains(out, "vs previous 7 days: ") || !strings.Contains(out, "── previous 7 days") ||
		!strings.Contains(out, last.Time().Format("Jan 02")) || strings.Contains(out, last.AddDays(-7).Time().Format("Jan 02")) {
		t.Errorf("chart: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, formatPct(wantPct)) {
		t.Errorf("chart: want %s in\n%s", formatPct(wantPct), out)
	}

	code, _, errs = runSegdash(t, env, "check", "--compare", "last-year", s.ID)
	if code != cli.ExitError || !strings.Contains(errs, "--compare") || !strings.Contains(errs, "previous") {
		t.Errorf("--compare last-year: exit %d %q", code, errs)
	}
}

// formatPct writes a percent as the stats line does: "+4.1%".
func formatPct(p float64) string { return fmt.Sprintf("%+.1f%%", p) }
