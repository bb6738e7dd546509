// Package output renders segment data as text for the CLI and the dashboard
// alike: compact and grouped numbers, changes, sparklines, asciigraph charts
// and CSV, with the helpers that keep untrusted names safe on a terminal.
package output

import (
	"math"
	"strings"

	"github.com/segdash/segdash/client/num"
)

// HumanCount formats n compactly: 950, 12.3k, 4.5M, 1.2B, 3.4T, and past
// 999.9T in scientific notation (9.2e18); see num.Human, which client code
// (alert reasons) shares.
func HumanCount(n int64) string { return num.Human(n) }

// HumanFloat formats a (possibly fractional) axis value like HumanCount;
// values below 10 keep one decimal, NaN and infinities print as "-".
func HumanFloat(v float64) string { return num.Float(v) }

// HumanCounts formats values compactly with one precision for all: the
// fewest decimals (one to three) at which distinct values print distinctly,
// so "min 2.61M · max 2.64M" rather than "min 2.6M · max 2.6M". When three
// decimals are not enough, every value is Grouped in full.
func HumanCounts(values ...int64) []string {
	return distinctly(len(values), func(i, prec int) string { return num.Compact(float64(values[i]), prec) },
		func(i int) string { return Grouped(values[i]) })
}

// MinMaxAvg formats the smallest, largest and mean of values with
// HumanCounts, so the three differ in print when they differ in value.
// The mean is taken in float64: a sum of sizes can overflow int64.
func MinMaxAvg(values []int64) (lo, hi, avg string) {
	if len(values) == 0 {
		return "-", "-", "-"
	}
	mn, mx, mean := values[0], values[0], 0.0
	for i, v := range values {
		mn, mx = min(mn, v), max(mx, v)
		mean += (float64(v) - mean) / float64(i+1)
	}
	a := int64(math.MaxInt64)
	if mean < math.MaxInt64 {
		a = int64(math.Round(mean))
	}
	a = min(max(a, mn), mx) // rounding must not step outside the range
	s := HumanCounts(mn, mx, a)
	return s[0], s[1], s[2]
}

// Grouped formats n with thousands separators: 1,234,567; see num.Grouped,
// which client code (alert reasons) shares.
func Grouped(n int64) string { return num.Grouped(n) }

// Change is the move from one size to another (num.Change, which the
// monitoring logic shares): absolute and in percent, printed "+1.2k (+3.4%)".
type Change = num.Change

// ChangeOf computes the change from first to last without overflow; see
// num.ChangeOf.
func ChangeOf(first, last int64) Change { return num.ChangeOf(first, last) }

var sparkRunes = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws values in at most width cells (more values than cells
// are averaged into them: Resample). A flat series is drawn on the lowest
// level.
func Sparkline(values []int64, width int) string {
	if width <= 0 || len(values) == 0 {
		return ""
	}
	values = Resample(values, width)
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	var b strings.Builder
	for _, v := range values {
		i := 0
		if hi > lo {
			// In float64: v-lo and hi-lo overflow int64 for sizes spanning
			// more than MaxInt64, and rounding may step just outside 0..1.
			f := (float64(v) - float64(lo)) / (float64(hi) - float64(lo))
			i = min(max(int(f*float64(len(sparkRunes)-1)), 0), len(sparkRunes)-1)
		}
		b.WriteRune(sparkRunes[i])
	}
	return b.String()
}

// Resample fits values into n cells: each is the mean of its share of the
// values (a running mean: a sum of sizes could overflow), so a year's window
// in a 20-cell sparkline spans the year instead of its last 20 days.
func Resample(values []int64, n int) []int64 {
	if n <= 0 || len(values) <= n {
		return values
	}
	out := make([]int64, n)
	for j := range out {
		lo, hi := j*len(values)/n, (j+1)*len(values)/n
		m := 0.0
		for i, v := range values[lo:hi] {
			m += (float64(v) - m) / float64(i+1)
		}
		out[j] = int64(m)
	}
	return out
}
