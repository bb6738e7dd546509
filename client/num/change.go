package num

import (
	"fmt"
	"math"
)

// Sub returns a-b, saturated at the int64 range instead of wrapping.
func Sub(a, b int64) int64 {
	d := a - b
	// Overflow happened when the operands' signs differ and the result's
	// sign differs from a's.
	if (a >= 0) != (b >= 0) && (d >= 0) != (a >= 0) {
		if a >= 0 {
			return math.MaxInt64
		}
		return math.MinInt64
	}
	return d
}

// Pct is change in percent of |base|, NaN when base is 0: a rise is
// positive whatever the sign of base.
func Pct(change, base int64) float64 { return pct(float64(change), base) }

func pct(change float64, base int64) float64 {
	if base == 0 {
		return math.NaN()
	}
	return change / math.Abs(float64(base)) * 100
}

// Change is the move from one size to another: absolute, and in percent of
// the first when it is not 0. Abs saturates at the int64 limits; String
// and PctString stay exact in sign and scale even then.
type Change struct {
	Abs    int64
	Pct    float64
	HasPct bool
	// diff is last-first in float64, set when Abs saturated.
	diff float64
}

// ChangeOf computes the change from first to last without overflow. The
// percent is of |first|, so a rise is positive whatever the sign.
func ChangeOf(first, last int64) Change {
	diff := float64(last) - float64(first)
	c := Change{Abs: Sub(last, first)}
	if c.Abs == math.MaxInt64 || c.Abs == math.MinInt64 {
		c.diff = diff
	}
	if first != 0 {
		c.Pct, c.HasPct = pct(diff, first), true
	}
	return c
}

// String renders "+1.2k (+3.4%)", or "+1.2k" without a base.
func (c Change) String() string {
	var s string
	if c.diff != 0 {
		s = Compact(c.diff, 1)
	} else {
		s = Human(c.Abs)
	}
	if c.Abs >= 0 {
		s = "+" + s
	}
	if c.HasPct {
		s += " (" + c.PctString() + ")"
	}
	return s
}

// PctString renders the percent alone, "+3.4%", or "n/a" without a base;
// ten thousand percent and more compactly ("+12.3k%").
func (c Change) PctString() string {
	if !c.HasPct {
		return "n/a"
	}
	if math.Abs(c.Pct) < 10000 {
		return fmt.Sprintf("%+.1f%%", c.Pct)
	}
	s := Compact(c.Pct, 1)
	if c.Pct > 0 {
		s = "+" + s
	}
	return s + "%"
}
