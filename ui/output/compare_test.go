package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

// TestBackgroundLineKeepsTheAxis: a previous period drawn first, in the
// background, neither labels the x axis nor hides the current line.
func TestBackgroundLineKeepsTheAxis(t *testing.T) {
	cur := series(day0, 10, 20, 30, 40, 50)
	prev := series(day0.AddDays(-5), 50, 40, 30, 20, 10)
	out := Chart([]Line{{Name: "previous 5 days", Points: prev, Background: true}, {Name: "A", Points: cur}},
		ChartOptions{Width: 70, Height: 14})
	if !strings.Contains(out, "Nov 01") || !strings.Contains(out, "Nov 05") || strings.Contains(out, "Oct 27") {
		t.Errorf("the axis is not the current period's:\n%s", out)
	}
	if !strings.Contains(out, "── previous 5 days") || !strings.Contains(out, "━━ A") {
		t.Errorf("legend:\n%s", out)
	}
}

func TestCompareAverages(t *testing.T) {
	r := Result{Segment: client.Segment{ID: "id", Name: "=A"}, Points: series(day0, 110, 130), Previous: series(day0.AddDays(-2), 100, 100)}
	c, ok := r.Compare()
	if !ok || c.Average != 120 || c.PreviousAverage != 100 || c.String() != "vs previous 2 days: +20.0%" {
		t.Errorf("compare: %+v %q", c, c.String())
	}
	r.Previous = series(day0.AddDays(-2), 0, 0)
	if c, ok := r.Compare(); !ok || c.HasPct || !strings.Contains(c.String(), "n/a") {
		t.Errorf("from zero: %+v %q", c, c.String())
	}
	if _, ok := (Result{Points: r.Points}).Compare(); ok {
		t.Error("compared without a previous period")
	}
	var b bytes.Buffer
	r.Previous = series(day0.AddDays(-2), 100, 100)
	if n, err := WriteCSV(&b, []Result{r}); err != nil || n != 4 ||
		!strings.HasPrefix(b.String(), "segment_id,segment_name,date,size,period\nid,'=A,2026-10-30,100,previous\n") {
		t.Errorf("csv (%d rows): %v\n%s", n, err, b.String())
	}
	b.Reset()
	if err := WriteJSON(&b, []Result{r}); err != nil || !strings.Contains(b.String(), `"change_pct": 20`) || !strings.Contains(b.String(), `"compared_by": "average"`) {
		t.Errorf("json: %v\n%s", err, b.String())
	}
}
