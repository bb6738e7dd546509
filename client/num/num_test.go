package num

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestGrouped(t *testing.T) {
	cases := map[int64]string{0: "0", 12: "12", 999: "999", 1000: "1,000", -1000: "-1,000", 865982: "865,982",
		1234567: "1,234,567", math.MaxInt64: "9,223,372,036,854,775,807", math.MinInt64: "-9,223,372,036,854,775,808"}
	for in, want := range cases {
		if got := Grouped(in); got != want {
			t.Errorf("Grouped(%d) = %q, want %q", in, got, want)
		}
	}
}

// TestGroupedReadsBack: without its commas Grouped is the plain number, and
// every comma stands before exactly three digits.
func TestGroupedReadsBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		n := rng.Int64() >> rng.IntN(64)
		if rng.IntN(2) == 0 {
			n = -n
		}
		s := Grouped(n)
		if strings.ReplaceAll(s, ",", "") != strconv.FormatInt(n, 10) {
			t.Fatalf("Grouped(%d) = %q", n, s)
		}
		for i, part := range strings.Split(strings.TrimPrefix(s, "-"), ",") {
			if i > 0 && len(part) != 3 || i == 0 && (len(part) == 0 || len(part) > 3) {
				t.Fatalf("Grouped(%d) = %q: group %q", n, s, part)
			}
		}
	}
}

func TestFixed(t *testing.T) {
	cases := []struct {
		v    float64
		prec int
		want string
	}{
		{20, -1, "20"}, {12.5, -1, "12.5"}, {5000, -1, "5,000"}, {2500.5, -1, "2,500.5"},
		{-30, 1, "-30.0"}, {12345.67, 1, "12,345.7"}, {-1234567.25, 2, "-1,234,567.25"}, {0.04, 1, "0.0"},
		{1e21, -1, "1,000,000,000,000,000,000,000"}, {math.NaN(), 1, "-"}, {math.Inf(-1), 1, "-"},
	}
	for _, c := range cases {
		if got := Fixed(c.v, c.prec); got != c.want {
			t.Errorf("Fixed(%v, %d) = %q, want %q", c.v, c.prec, got, c.want)
		}
	}
}

func TestHumanAndCompact(t *testing.T) {
	cases := map[int64]string{950: "950", 1000: "1k", 12345: "12.3k", 999_950: "1M", -12345: "-12.3k", math.MinInt64: "-9.2e18"}
	for in, want := range cases {
		if got := Human(in); got != want {
			t.Errorf("Human(%d) = %q, want %q", in, got, want)
		}
	}
	if got := Compact(2_614_000, 2); got != "2.61M" {
		t.Errorf("Compact(2614000, 2) = %q", got)
	}
	if got := Float(2.5); got != "2.5" || Float(math.NaN()) != "-" || Float(3.0) != "3" {
		t.Errorf("Float: %q %q %q", got, Float(math.NaN()), Float(3.0))
	}
}
