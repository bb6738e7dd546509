package segmentlist

import (
	"fmt"

	"github.com/segdash/segdash/ui/output"
)

// week is the rhythm of most segments' sizes (weekdays and weekends):
// cells that each span part of a week, in a different phase from one cell
// to the next, draw a sawtooth the data does not have.
const week = 7

// trendSpan is how many days each cell of a TREND sparkline of cells
// cells stands for over a window of days points: 1 (one cell a day, over
// the newest days that fit) or a whole number of weeks, so that every cell
// holds the same days of the week and the weekly rhythm stays out.
func trendSpan(days, cells int) int {
	if cells <= 0 || days <= cells || days < 2*week {
		return 1
	}
	weeks := days / week
	return week * ((weeks + cells - 1) / cells)
}

// trend draws values (one a day, oldest first) in at most cells cells:
// one cell a day over the newest days that fit, or each cell the mean of
// whole weeks ending on the newest day (trendSpan).
func trend(values []int64, cells int) string {
	span := trendSpan(len(values), cells)
	if span == 1 {
		return output.Sparkline(values[max(0, len(values)-cells):], cells)
	}
	n := len(values) / span
	return output.Sparkline(output.Resample(values[len(values)-n*span:], n), n)
}

// trendHeader is the TREND column's title, saying what a cell spans:
// "TREND/d" one a day, "TREND/w" a week each, "TREND/3w" three weeks.
func trendHeader(days, cells int) string {
	switch span := trendSpan(days, cells); {
	case days == 0:
		return "TREND"
	case span == 1:
		return "TREND/d"
	case span == week:
		return "TREND/w"
	default:
		return fmt.Sprintf("TREND/%dw", span/week)
	}
}

// trendDays is the number of days of the rows' series (rows of one window
// have as many), from the first row on screen that has them; 0 if none.
func (m *Model) trendDays() int {
	for _, i := range m.view[m.offset:min(len(m.view), m.offset+m.Page())] {
		if v := m.sums[m.all[i].ID].Values; len(v) > 0 {
			return len(v)
		}
	}
	return 0
}
