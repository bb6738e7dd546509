package output

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
)

// TestChartCursor: the cursor's day is marked on the x axis and over the
// plot in the same column, with and without colour, and the Plot maps
// that column back to the day.
func TestChartCursor(t *testing.T) {
	for _, n := range []int{10, 90, 365} {
		var pts []client.Point
		for i := range n {
			pts = append(pts, client.Point{Day: client.Date{Year: 2026, Month: 1, Day: 1}.AddDays(i), Size: int64(1000 + i)})
		}
		for _, color := range []bool{false, true} {
			for _, day := range []int{0, n / 3, n - 1} {
				s, plot := ChartPlot([]Line{{Name: "a", Points: pts}}, ChartOptions{Width: 80, Height: 16, Color: color, ShowCursor: true, Cursor: day})
				lines := strings.Split(ansi.Strip(s), "\n")
				col := -1
				for _, l := range lines {
					if i := strings.Index(l, "└"); i >= 0 {
						r := []rune(l)
						for j, c := range r {
							if c == '┴' || c == '┼' {
								col = j
							}
						}
					}
				}
				if col < 0 {
					t.Fatalf("%d days, day %d, colour %v: no cursor on the axis:\n%s", n, day, color, strings.Join(lines, "\n"))
				}
				if got, ok := plot.DayAt(col); !ok || got != day && n <= plot.Width {
					t.Errorf("%d days: column %d maps to day %d %v, want %d", n, col, got, ok, day)
				}
				dotted := 0
				for _, l := range lines[:plot.Rows] {
					if r := []rune(l); col < len(r) && r[col] == '┊' {
						dotted++
					}
				}
				if dotted < plot.Rows/2 {
					t.Errorf("%d days, day %d: %d of %d rows marked:\n%s", n, day, dotted, plot.Rows, strings.Join(lines, "\n"))
				}
			}
		}
		// Without the option nothing is marked.
		if s := Chart([]Line{{Name: "a", Points: pts}}, ChartOptions{Width: 80, Height: 16, Cursor: 3}); strings.ContainsAny(s, "┊┴") {
			t.Errorf("a chart without a cursor has one:\n%s", s)
		}
	}
}
