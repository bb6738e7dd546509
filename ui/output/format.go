// Package output renders segment data as text for the CLI and the dashboard
// alike: compact and grouped numbers, changes, sparklines, asciigraph charts
// and CSV, with the helpers that keep untrusted names safe on a terminal.
package output

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// HumanCount formats n compactly: 950, 12.3k, 4.5M, 1.2B.
func HumanCount(n int64) string {
	neg := n < 0
	f := math.Abs(float64(n))
	var s string
	switch {
	case f < 1000:
		s = strconv.FormatInt(int64(f), 10)
	case f < 999_950:
		s = trimZero(fmt.Sprintf("%.1f", f/1e3)) + "k"
	case f < 999_950_000:
		s = trimZero(fmt.Sprintf("%.1f", f/1e6)) + "M"
	default:
		s = trimZero(fmt.Sprintf("%.1f", f/1e9)) + "B"
	}
	if neg {
		return "-" + s
	}
	return s
}

// HumanFloat formats a (possibly fractional) axis value like HumanCount.
func HumanFloat(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	if math.Abs(v) < 10 && v != math.Trunc(v) {
		return trimZero(fmt.Sprintf("%.1f", v))
	}
	return HumanCount(int64(math.Round(v)))
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// Grouped formats n with thousands separators: 1,234,567.
func Grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Change describes the move from a to b: absolute, and percent when a != 0.
type Change struct {
	Abs    int64
	Pct    float64
	HasPct bool
}

// ChangeOf computes the change from first to last.
func ChangeOf(first, last int64) Change {
	c := Change{Abs: last - first}
	if first != 0 {
		c.Pct = float64(last-first) / float64(first) * 100
		c.HasPct = true
	}
	return c
}

// String renders "+1.2k (+3.4%)", or "+1.2k" without a base.
func (c Change) String() string {
	s := HumanCount(c.Abs)
	if c.Abs >= 0 {
		s = "+" + s
	}
	if c.HasPct {
		s += " (" + c.PctString() + ")"
	}
	return s
}

// PctString renders the percent alone, "+3.4%", or "n/a" without a base.
func (c Change) PctString() string {
	if !c.HasPct {
		return "n/a"
	}
	return fmt.Sprintf("%+.1f%%", c.Pct)
}

var sparkRunes = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws values in at most width cells (the newest kept when there
// are more values than cells). A flat series is drawn on the lowest level.
func Sparkline(values []int64, width int) string {
	if width <= 0 || len(values) == 0 {
		return ""
	}
	if len(values) > width {
		values = values[len(values)-width:]
	}
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	var b strings.Builder
	for _, v := range values {
		i := 0
		if hi > lo {
			i = int(float64(v-lo) / float64(hi-lo) * float64(len(sparkRunes)-1))
		}
		b.WriteRune(sparkRunes[i])
	}
	return b.String()
}
