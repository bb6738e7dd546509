package output

// This file marks a day on a chart (the dashboard's day cursor) and tells
// a caller where the plot is, so that a mouse click maps back to a day.

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Cursor glyphs: a dotted column over the plot's empty cells (the lines
// keep their own glyphs, so the line stays readable under it) and a tick
// pointing up from the x axis. Both read without colour.
const (
	cursorColumn = "┊"
	cursorAxis   = "┴"
	cursorOnTick = "┼"
)

// Plot is where a chart drew its plot, in cells from the chart's top-left
// corner, and how many days its x axis spans.
type Plot struct {
	// Left is the cells before the plot's first column; Width its columns.
	Left, Width int
	// Rows is the plot's lines, from the chart's first line.
	Rows int
	// Days is the number of days on the x axis (0: no plot drawn).
	Days int
}

// DayAt returns the day under column x (counted from the chart's left
// edge), and false when x is not over the plot.
func (p Plot) DayAt(x int) (int, bool) {
	col := x - p.Left
	if p.Days == 0 || col < 0 || col >= p.Width {
		return 0, false
	}
	if p.Days < 2 || p.Width < 2 {
		return 0, true
	}
	return int(math.Round(float64(col) * float64(p.Days-1) / float64(p.Width-1))), true
}

// markCursor draws the cursor at day (of days over plotW columns whose
// first column is lead cells in) on the plot's rows (those with the y axis
// at lead-1) and on the x axis line under them.
func markCursor(lines []string, day, days, lead, plotW int) {
	if day < 0 || day >= days {
		return
	}
	at := lead + dayColumn(day, days, plotW)
	for i, l := range lines {
		axis := cellAt(l, lead-1)
		switch {
		case axis == "┤" || axis == "┼":
			if strings.TrimSpace(cellAt(l, at)) == "" {
				lines[i] = setCell(l, at, cursorColumn)
			}
		case axis == "└":
			mark := cursorAxis
			if cellAt(l, at) == "┬" {
				mark = cursorOnTick
			}
			lines[i] = setCell(l, at, mark)
			return
		}
	}
}

// cellAt is the text of cell x of a plot line, "" past its end.
func cellAt(l string, x int) string {
	from, to, _ := cellSpan(l, x)
	return l[from:to]
}

// setCell replaces cell x of a plot line, padding a line that ends before
// it (asciigraph trims trailing blanks).
func setCell(l string, x int, s string) string {
	from, to, n := cellSpan(l, x)
	if n <= x {
		return l + strings.Repeat(" ", x-n) + s
	}
	return l[:from] + s + l[to:]
}

// cellSpan is where cell x of a plot line is, in bytes (an empty span at
// the end when the line is shorter), and the cells counted up to it (all
// of them when shorter). Plot lines hold box-drawing glyphs, ASCII labels
// and SGR sequences only, one cell a rune: scanning them directly keeps a
// cursor frame within budget (ansi.Cut segments graphemes, which was most
// of a 365-day frame's time).
func cellSpan(l string, x int) (from, to, n int) {
	for i := 0; i < len(l); {
		if l[i] == 0x1b { // CSI: ESC [ parameters, then a final byte @..~
			i += 2
			for i < len(l) && (l[i] < 0x40 || l[i] > 0x7e) {
				i++
			}
			i++
			continue
		}
		_, w := utf8.DecodeRuneInString(l[i:])
		if n == x {
			return i, i + w, n + 1
		}
		n++
		i += w
	}
	return len(l), len(l), n
}
