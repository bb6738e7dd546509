package output

// This file plans the chart's axes instead of leaving them to asciigraph,
// which labels every row with evenly spaced, unrounded values: repeated
// labels ("287", "287"), fractions of users ("0.9"), and a 0..1 axis for a
// series of zeros. Here labels sit at round 1-2-5 steps, with as many
// digits as it takes for neighbours to differ; x ticks fall on whole days.

import (
	"math"
	"strconv"

	"github.com/segdash/segdash/client/num"
)

// FlatNote is written under a chart whose values never change.
const FlatNote = "no change in this window"

// yAxis is a planned y axis: the bounds and height to give asciigraph and
// the label of each row, top row first ("" for a row without a label).
type yAxis struct {
	lo, hi float64
	height int // asciigraph's Height: rows-1
	labels []string
	flat   bool
}

// planYAxis fits values from lo to hi in at most lines rows (at least 2).
// Labels are multiples of a step 1, 2 or 5 times a power of ten, never
// below 1, so counts never get fractional labels; the rows between two
// labels are left blank when there is room for more rows than labels.
func planYAxis(lo, hi float64, lines int) yAxis {
	lines = max(lines, 2)
	if lo == hi {
		return flatAxis(lo, lines)
	}
	step := 1.0
	var first, n float64
	for _, s := range ladder() {
		step = s
		first = math.Floor(lo / s)
		n = math.Ceil(hi/s) - first
		if n <= float64(lines-1) {
			break
		}
	}
	n = max(n, 1)
	perLabel := max(1, (lines-1)/int(n))
	a := yAxis{lo: first * step, hi: (first + n) * step, height: int(n) * perLabel}
	values := make([]float64, int(n)+1)
	for i := range values {
		values[i] = a.hi - float64(i)*step
	}
	texts := distinctCompact(values)
	a.labels = make([]string, a.height+1)
	for i, t := range texts {
		a.labels[i*perLabel] = t
	}
	return a
}

// flatAxis draws a constant v as a line with one label: in the middle of
// three rows, or on the bottom row for zero, so sizes never look negative.
func flatAxis(v float64, lines int) yAxis {
	a := yAxis{height: min(2, lines-1), flat: true}
	a.labels = make([]string, a.height+1)
	if v == 0 {
		a.lo, a.hi = 0, float64(a.height)
		a.labels[a.height] = "0"
		return a
	}
	d := max(1, math.Abs(v)*0.01)
	a.lo, a.hi = v-d*float64(a.height)/2, v+d*float64(a.height)/2
	a.labels[a.height/2] = num.Compact(v, 1)
	if a.height == 1 { // two rows: the line sits on the lower one
		a.lo, a.hi = v, v+d
		a.labels = []string{"", num.Compact(v, 1)}
	}
	return a
}

// label returns the text for the row whose value asciigraph gives as m,
// counted from a.lo (see shift): only a row's exact value gets its label.
func (a yAxis) label(m float64) string {
	if a.height == 0 || a.hi == a.lo {
		return ""
	}
	f := (a.hi - a.lo - m) / ((a.hi - a.lo) / float64(a.height))
	row := math.Round(f)
	if row < 0 || row > float64(a.height) || math.Abs(f-row) > 0.25 {
		return ""
	}
	return a.labels[int(row)]
}

// shift moves vals so that a.lo is zero. asciigraph computes its rows from
// value × rows / range; for sizes in the trillions that product loses the
// units (float64 has 53 bits) and rows come out wrong, where the offsets
// from a.lo stay small and exact.
func (a yAxis) shift(vals []float64) {
	for i := range vals {
		vals[i] -= a.lo
	}
}

// width is the widest label in cells.
func (a yAxis) width() int {
	w := 1
	for _, l := range a.labels {
		w = max(w, len(l))
	}
	return w
}

// ladder lists the label steps 1, 2, 5, 10, 20, 50, ... up past the
// largest int64, so every series finds one.
func ladder() []float64 {
	var out []float64
	for p := 1.0; p < 1e20; p *= 10 {
		out = append(out, p, 2*p, 5*p)
	}
	return out
}

// distinctCompact formats values like HumanCounts: one precision for all,
// the fewest decimals (one to three) that print distinct values
// distinctly, else every value in full.
func distinctCompact(values []float64) []string {
	return distinctly(len(values), func(i, prec int) string { return num.Compact(values[i], prec) },
		func(i int) string {
			if math.Abs(values[i]) < math.MaxInt64 {
				return Grouped(int64(values[i]))
			}
			return strconv.FormatFloat(values[i], 'f', 0, 64)
		})
}

// distinctly formats n values with format at the fewest decimals (one to
// three) at which no two values share a text unless format gives them the
// same text at every precision (equal values); else with full.
func distinctly(n int, format func(i, prec int) string, full func(i int) string) []string {
	out := make([]string, n)
	for prec := 1; prec <= 3; prec++ {
		// full(i) is exact, so it tells equal values from distinct ones.
		seen := make(map[string]string, n)
		distinct := true
		for i := range out {
			out[i] = format(i, prec)
			id := full(i)
			if w, ok := seen[out[i]]; ok && w != id {
				distinct = false
			}
			seen[out[i]] = id
		}
		if distinct {
			return out
		}
	}
	for i := range out {
		out[i] = full(i)
	}
	return out
}

// dayTicks picks how many x ticks to draw for days points over plotW
// columns: a tick on every day, or every d days with d dividing the
// window so each tick falls on a whole day, as many as fit with a gap
// between "Jan 02" labels. When whole-day ticks would be fewer than half
// of those that fit (a prime span), up to six ticks are spread evenly and
// name the nearest day.
func dayTicks(days, plotW int) int {
	const labelSpan = 8 // "Jan 02" and a gap, with room for rounding
	if days < 2 {
		return 2
	}
	span := days - 1
	fit := max(2, (plotW-1)/labelSpan+1)
	for d := 1; d <= span; d++ {
		if span%d != 0 || span/d+1 > fit {
			continue
		}
		if 2*(span/d+1) >= fit { // at least half the ticks that fit
			return span/d + 1
		}
		break
	}
	// As before whole-day ticks: up to six, one per 12 columns.
	return min(fit, days, max(2, min(6, plotW/12)))
}
