package chartpane

import (
	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// cursor is the day cursor: whether it is shown, and how many days before
// the newest day charted it sits, so the newest day stays under it when
// the window grows, shrinks or moves.
type cursor struct {
	on   bool
	back int
}

// PlotArea is where the last frame drew the chart in the pane, for a
// mouse click: Top rows above it, Margin cells before it, and the plot's
// place in the chart (Days is 0 when no chart was drawn).
type PlotArea struct {
	output.Plot
	Top, Margin int
}

// HasChart reports whether the pane's last frame drew a chart, which the
// day cursor moves over.
func (m *Model) HasChart() bool { return m.plot.Days > 0 }

// CursorShown reports whether the day cursor is on the chart.
func (m *Model) CursorShown() bool { return m.cur.on }

// MoveCursor moves the day cursor by days (later when positive). The first
// move shows it on the newest day.
func (m *Model) MoveCursor(days int) {
	if !m.cur.on {
		m.cur = cursor{on: true}
		return
	}
	// Clamped first: after a shorter window, the cursor drawn on its
	// first day moves from there, not from where it was in the longer one.
	m.cur.back = m.clampBack(m.clampBack(m.cur.back) - days)
}

// CursorToStart and CursorToEnd put the cursor on the first or newest day.
func (m *Model) CursorToStart() { m.cur = cursor{on: true, back: m.clampBack(m.plot.Days)} }

// CursorToEnd puts the cursor on the newest day charted.
func (m *Model) CursorToEnd() { m.cur = cursor{on: true} }

// HideCursor takes the day cursor off the chart.
func (m *Model) HideCursor() { m.cur = cursor{} }

// Click sets the cursor on the day under cell (x, y) of the pane, and
// reports whether that cell is over the plot drawn last.
func (m *Model) Click(x, y int) bool {
	p := m.plot
	if y < p.Top || y >= p.Top+p.Rows {
		return false
	}
	day, ok := p.DayAt(x - p.Margin)
	if ok {
		m.cur = cursor{on: true, back: p.Days - 1 - day}
	}
	return ok
}

func (m *Model) clampBack(back int) int { return min(max(back, 0), max(m.plot.Days-1, 0)) }

// cursorDay is the index of the cursor's day among n days charted, and
// whether the cursor is shown.
func (m *Model) cursorDay(n int) (int, bool) {
	if !m.cur.on || n == 0 {
		return 0, false
	}
	return max(n-1-m.cur.back, 0), true
}

// readingOf is one line's value at the cursor's day, "—" when it has none;
// indexed to 100 at the line's start when the chart is.
func readingOf(pts []client.Point, day int, indexed bool) string {
	switch {
	case day < 0 || day >= len(pts):
		return "—"
	case indexed:
		return output.IndexAt(pts, day)
	}
	return output.Grouped(pts[day].Size)
}

// dayLabel is the cursor's day as the readout says it: "Sat Mar 14 2026".
func dayLabel(pts []client.Point, day int) string {
	if day < 0 || day >= len(pts) {
		return ""
	}
	return pts[day].Day.Time().Format("Mon Jan 02 2006")
}

// readout joins the cursor's day and the readings after the ┊ that marks
// it on the chart, cut to width cells.
//
// Readings that do not fit beside the others go on the next line, whole:
// a reading is cut only when it alone is wider than the pane, so a
// number is never cut off mid-way for want of room beside another.
func readout(day string, readings []string, width int) []string {
	lines := []string{"┊ " + day}
	for _, r := range readings {
		last := &lines[len(lines)-1]
		if output.Width(*last)+2+output.Width(r) <= width {
			*last += "  " + r
			continue
		}
		lines = append(lines, "  "+r)
	}
	for i, l := range lines {
		lines[i] = output.Truncate(l, width)
	}
	return lines
}

// longest is the number of days of the longest line (the chart's x axis).
func longest(lines []output.Line) int {
	n := 0
	for _, l := range lines {
		n = max(n, len(l.Points))
	}
	return n
}

// compareReadout is the cursor's day and each compared line's value
// after its legend marker, in the chart's order.
func compareReadout(lines []output.Line, day int, colored, indexed bool, width int) []string {
	var label string
	var readings []string
	for i, l := range lines {
		if label == "" {
			label = dayLabel(l.Points, day)
		}
		readings = append(readings, output.LegendMarker(i, l.Color, colored)+" "+readingOf(l.Points, day, indexed))
	}
	return readout(label, readings, width)
}

// Plot is where the last frame drew the chart.
func (m *Model) Plot() PlotArea { return m.plot }
