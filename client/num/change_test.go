package num

import (
	"math"
	"testing"
)

// TestSub: a difference saturates at the int64 range instead of wrapping.
func TestSub(t *testing.T) {
	cases := []struct{ a, b, want int64 }{
		{5, 3, 2},
		{math.MaxInt64, -1, math.MaxInt64},
		{math.MinInt64, 1, math.MinInt64},
		{-5e18, 5e18, math.MinInt64},
		{5e18, -5e18, math.MaxInt64},
		{math.MaxInt64, math.MaxInt64, 0},
	}
	for _, c := range cases {
		if got := Sub(c.a, c.b); got != c.want {
			t.Errorf("Sub(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
