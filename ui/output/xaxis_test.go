package output

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

// ramp is n points from start, rising.
func ramp(start client.Date, n int) []client.Point {
	sizes := make([]int64, n)
	for i := range sizes {
		sizes[i] = int64(1000 + i*7)
	}
	return series(start, sizes...)
}

// axisLines returns the x axis line and the label line of a chart.
func axisLines(t *testing.T, out string) (string, string) {
	t.Helper()
	ls := strings.Split(out, "\n")
	for i, l := range ls {
		if strings.Contains(l, "└") && i+1 < len(ls) {
			return l, ls[i+1]
		}
	}
	t.Fatalf("no x axis in\n%s", out)
	return "", ""
}

func TestLongWindowLabelsMonthsWithTheYear(t *testing.T) {
	start := client.Date{Year: 2025, Month: 11, Day: 16} // 365 days to 2026-11-15
	pts := ramp(start, 365)
	if pts[364].Day != (client.Date{Year: 2026, Month: 11, Day: 15}) {
		t.Fatalf("last day %s", pts[364].Day)
	}
	for _, w := range []int{60, 100, 160} {
		out := Chart([]Line{{Name: "A", Points: pts}}, ChartOptions{Width: w, Height: 16, Caption: "estimated"})
		axis, labels := axisLines(t, out)
		if !strings.Contains(labels, "Jan 2026") {
			t.Errorf("width %d: the year is missing where the window crosses one:\n%s", w, out)
		}
		if strings.Contains(labels, "Nov 16") || strings.Count(axis, "┬") < 3 {
			t.Errorf("width %d: want month ticks, not evenly spread days:\n%s", w, out)
		}
		if !strings.HasSuffix(strings.TrimSpace(strings.Split(out, "\n")[len(strings.Split(out, "\n"))-1]), "estimated") {
			t.Errorf("width %d: the caption is not under the axis:\n%s", w, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if Width(l) > w {
				t.Errorf("width %d: line of %d cells: %q", w, Width(l), l)
			}
		}
	}
	// At 160 columns every month has room: Jan carries the new year and
	// sits on the tick of 2026-01-01's column.
	out := Chart([]Line{{Name: "A", Points: pts}}, ChartOptions{Width: 160, Height: 16})
	axis, labels := axisLines(t, out)
	for _, m := range []string{"Dec 2025", "Jan 2026", "Feb", "Jun", "Nov"} {
		if !strings.Contains(labels, m) {
			t.Errorf("160 columns: %q missing from %q", m, labels)
		}
	}
	if strings.Contains(labels, "Feb 2026") {
		t.Errorf("the year repeats on every label: %q", labels)
	}
	lead := strings.IndexRune(axis, '└') // bytes before it are spaces
	plotW := len([]rune(axis)) - lead - 1
	janIdx := 46 // 2025-11-16 + 46 days = 2026-01-01
	col := lead + 1 + dayColumn(janIdx, 365, plotW)
	if r := []rune(axis); r[col] != '┬' {
		t.Errorf("no tick at Jan 1's column %d: %q", col, axis)
	}
	at := strings.Index(labels, "Jan 2026")
	if at < 0 || at > col || at+len("Jan 2026") <= col {
		t.Errorf("Jan 2026 at %d is not centred on its tick at %d:\n%s\n%s", at, col, axis, labels)
	}
}

func TestMediumWindowLabelsWeeksAndShortWindowsKeepDays(t *testing.T) {
	pts := ramp(client.Date{Year: 2026, Month: 3, Day: 1}, 150)
	out := Chart([]Line{{Name: "A", Points: pts}}, ChartOptions{Width: 200, Height: 14})
	_, labels := axisLines(t, out)
	// Every other Monday from 2026-03-02; the first label carries the year.
	if !strings.Contains(labels, "Mar 02 2026") || !strings.Contains(labels, "Mar 16") || strings.Contains(labels, "Mar 09") {
		t.Errorf("150 days over 200 columns: want ticks every other Monday: %q", labels)
	}
	// A short window that crosses a year says which.
	short := Chart([]Line{{Name: "A", Points: ramp(client.Date{Year: 2025, Month: 12, Day: 20}, 30)}}, ChartOptions{Width: 100, Height: 12})
	_, labels = axisLines(t, short)
	if !strings.Contains(labels, "2025") || !strings.Contains(labels, "2026") {
		t.Errorf("30 days across new year: %q", labels)
	}
	// A short window within a year keeps asciigraph's day axis.
	plain := Chart([]Line{{Name: "A", Points: ramp(day0, 30)}}, ChartOptions{Width: 100, Height: 12})
	if _, labels = axisLines(t, plain); strings.Contains(labels, "2026") || !strings.Contains(labels, "Nov 01") {
		t.Errorf("30 days within a year: %q", labels)
	}
}
