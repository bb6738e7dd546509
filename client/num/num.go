// Package num formats numbers for people: grouped in full (1,234,567) where
// the exact value matters, as in alert reasons and the size column, and
// compactly (12.3k) where the scale is what counts, as on chart axes. It
// imports only the standard library, so the monitoring logic under client/
// and the text output under ui/ print numbers alike from one piece of code.
package num

import (
	"math"
	"strconv"
	"strings"
)

// Grouped formats n in full with thousands separators: 1,234,567.
func Grouped(n int64) string { return group(strconv.FormatInt(n, 10)) }

// Fixed formats v with prec decimals (-1: the fewest that read back as v)
// and thousands separators in its whole part: 12,345.6. NaN and infinities
// print as "-".
func Fixed(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	return group(strconv.FormatFloat(v, 'f', prec, 64))
}

// group puts a comma between each three digits of the whole part of a
// decimal numeral ("-1234567.89" → "-1,234,567.89").
func group(s string) string {
	sign, digits, frac := "", s, ""
	if strings.HasPrefix(digits, "-") || strings.HasPrefix(digits, "+") {
		sign, digits = digits[:1], digits[1:]
	}
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		digits, frac = digits[:i], digits[i:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(digits[i])
	}
	return b.String() + frac
}

// Human formats n compactly: 950, 12.3k, 4.5M, 1.2B, 3.4T, and past 999.9T
// in scientific notation (9.2e18). It is exact in sign and scale for every
// int64, MinInt64 included.
func Human(n int64) string { return Compact(float64(n), 1) }

// Float formats a (possibly fractional) value like Human; values below 10
// keep one decimal, NaN and infinities print as "-".
func Float(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	if math.Abs(v) < 10 && v != math.Trunc(v) {
		return trimZero(strconv.FormatFloat(v, 'f', 1, 64))
	}
	return Compact(math.Round(v), 1)
}

// Unit is a scale of Compact: Div users print as one Sym.
type Unit struct {
	Div float64
	Sym string
}

// Units are the scales of Compact, each a thousand times the last, for
// code that reads compact figures back. An array, so no caller can change
// them for another.
func Units() [4]Unit {
	return [4]Unit{{1e3, "k"}, {1e6, "M"}, {1e9, "B"}, {1e12, "T"}}
}

// Compact formats v (a count, whole or not) with prec decimals in the
// largest unit that keeps the figure under 1000: 12.3k, 4.5M. An all-zero
// fraction is dropped ("1k", not "1.0k"); below 1000 the figure is whole,
// past the largest unit it is scientific, and NaN and infinities print as
// "-". Everything is float arithmetic, so no int64 can overflow.
func Compact(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	if v < 1000 {
		return sign + strconv.FormatFloat(math.Trunc(v), 'f', 0, 64)
	}
	scale := math.Pow10(prec)
	for _, u := range Units() {
		// The figure must stay below 1000 once rounded to prec decimals.
		if v < (1000*scale-0.5)*u.Div/scale {
			return sign + trimZero(strconv.FormatFloat(v/u.Div, 'f', prec, 64)) + u.Sym
		}
	}
	return sign + strings.Replace(trimZero(strconv.FormatFloat(v, 'e', prec, 64)), "e+", "e", 1)
}

// trimZero drops a fraction that is all zeros: "1.0" → "1", "2.50" stays.
func trimZero(s string) string {
	i := strings.IndexByte(s, '.')
	if i < 0 {
		return s
	}
	j := i + 1
	for j < len(s) && s[j] == '0' {
		j++
	}
	if j < len(s) && s[j] >= '0' && s[j] <= '9' {
		return s // a non-zero digit in the fraction
	}
	return s[:i] + s[j:]
}
