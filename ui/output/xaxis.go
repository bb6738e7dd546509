package output

// This file draws the chart's x axis for long windows and for windows that
// cross a new year, where asciigraph's evenly spaced day labels say too
// little: ticks fall on days, Mondays or the first of a month, as fine as
// the labels fit, and a label carries its year on the first tick and where
// the year changes. Short windows within one year keep asciigraph's axis.

import (
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"github.com/segdash/segdash/client"
)

// ownAxisDays is the longest window that keeps asciigraph's day axis (what
// one data_series request returns).
const ownAxisDays = client.MaxLength

// xTick is one labelled tick: its plot column and its text.
type xTick struct {
	col   int
	label string
}

// ownXAxis says whether days get this file's axis rather than asciigraph's.
func ownXAxis(days []client.Date) bool {
	return len(days) > ownAxisDays || (len(days) > 1 && days[0].Year != days[len(days)-1].Year)
}

// tickStep is a spacing of ticks: every n days, every n-th Monday, or the
// first of every n-th month.
type tickStep struct {
	unit string // "day", "week" or "month"
	n    int
}

// tickSteps are the spacings tried, finest first.
func tickSteps() []tickStep {
	return []tickStep{{"day", 1}, {"day", 2}, {"day", 3}, {"day", 5}, {"week", 1}, {"week", 2},
		{"month", 1}, {"month", 2}, {"month", 3}, {"month", 6}, {"month", 12}}
}

// planXTicks places labelled ticks for days drawn over plotW columns: the
// finest step whose labels fit side by side with a gap, with at least two
// ticks; else the first and the last day.
func planXTicks(days []client.Date, plotW int) []xTick {
	if len(days) == 0 || plotW < 1 {
		return nil
	}
	for _, st := range tickSteps() {
		idx := st.days(days)
		// The narrowest labels ("Jan", "Jan 02") need this many columns
		// from tick to tick (see fits): a step with more ticks than that
		// allows is skipped before formatting its labels, which for a
		// year's days by the day was a fifth of a frame.
		if len(idx) < 2 || (len(idx)-1)*st.minGap() > plotW-1 {
			continue
		}
		if ticks := labelTicks(days, idx, plotW, st.layout()); fits(ticks) {
			return ticks
		}
	}
	ends := []int{0, len(days) - 1}
	return labelTicks(days, ends, plotW, "Jan 02")
}

// minGap is the fewest columns between two of st's ticks whose labels
// fit (fits), for labels without a year.
func (st tickStep) minGap() int {
	w := Width(time.Time{}.Format(st.layout()))
	return (w+1)/2 + w/2 + 2
}

// layout is how st's ticks are labelled: "Jan 02", or "Jan" by the month.
func (st tickStep) layout() string {
	if st.unit == "month" {
		return "Jan"
	}
	return "Jan 02"
}

// days lists the indexes of st's ticks over days.
func (st tickStep) days(days []client.Date) []int {
	var idx []int
	weeks := 0
	for i, d := range days {
		switch st.unit {
		case "day":
			if i%st.n == 0 {
				idx = append(idx, i)
			}
		case "week":
			if d.Time().Weekday() == time.Monday {
				if weeks%st.n == 0 {
					idx = append(idx, i)
				}
				weeks++
			}
		case "month":
			if d.Day == 1 && (int(d.Month)-1)%st.n == 0 {
				idx = append(idx, i)
			}
		}
	}
	return idx
}

// labelTicks labels the days at idx with layout, adding the year to the
// first label and wherever the year differs from the previous label's.
func labelTicks(days []client.Date, idx []int, plotW int, layout string) []xTick {
	out := make([]xTick, 0, len(idx))
	prevYear := 0
	for _, i := range idx {
		d := days[i]
		label := d.Time().Format(layout)
		if d.Year != prevYear {
			label += d.Time().Format(" 2006")
		}
		prevYear = d.Year
		out = append(out, xTick{col: dayColumn(i, len(days), plotW), label: label})
	}
	return out
}

// dayColumn is the plot column of day i of n over plotW columns, as
// asciigraph's Width interpolation places it.
func dayColumn(i, n, plotW int) int {
	if n < 2 {
		return 0
	}
	return int(math.Round(float64(i) * float64(plotW-1) / float64(n-1)))
}

// fits says whether neighbouring labels, centred on their ticks, leave a
// gap of at least two cells.
func fits(ticks []xTick) bool {
	for j := 1; j < len(ticks); j++ {
		a, b := Width(ticks[j-1].label), Width(ticks[j].label)
		if ticks[j].col-ticks[j-1].col < (a+1)/2+b/2+2 {
			return false
		}
	}
	return true
}

// drawXAxis writes the axis line and the label line under a plot whose
// axis column is leftPad-1, plotW columns wide, no line wider than width.
func drawXAxis(ticks []xTick, leftPad, plotW, width int, color asciigraph.AnsiColor) string {
	axis := []rune(strings.Repeat(" ", leftPad-1) + "└" + strings.Repeat("─", plotW))
	for _, t := range ticks {
		axis[leftPad+t.col] = '┬'
	}
	var labels strings.Builder
	end, gap := 0, 0 // cells written so far; the gap the next label needs
	for _, t := range ticks {
		w := Width(t.label)
		start := min(max(leftPad+t.col-w/2, 0), width-w) // centred, kept inside the box
		if start < end+gap {
			continue // no room left for it
		}
		gap = 1
		labels.WriteString(strings.Repeat(" ", start-end))
		labels.WriteString(t.label)
		end = start + w
	}
	a, l := string(axis), labels.String()
	if color != asciigraph.Default {
		a = color.String() + a + asciigraph.Default.String()
		l = color.String() + l + asciigraph.Default.String()
	}
	return a + "\n" + l
}

// axisColumn finds the y axis in a line of asciigraph's plot: the number
// of cells before "┤" or "┼".
func axisColumn(line string) int {
	for i, r := range []rune(ansi.Strip(line)) {
		if r == '┤' || r == '┼' {
			return i
		}
	}
	return 0
}
