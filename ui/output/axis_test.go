package output

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/segdash/segdash/client/num"
)

// yLabels returns the y labels of a chart, top first, and the rows that
// carry the plot line but no label.
func yLabels(chart string) []string {
	var out []string
	for _, l := range strings.Split(chart, "\n") {
		i := strings.IndexAny(l, "┤┼")
		if i < 0 {
			continue
		}
		if t := strings.TrimSpace(l[:i]); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// parseLabel reads a label back: 12, 1.5k, 2.61M, 3T, 9.2e18, 1,234.
func parseLabel(t *testing.T, s string) float64 {
	t.Helper()
	mult := 1.0
	for _, u := range num.Units() {
		if strings.HasSuffix(s, u.Sym) {
			s, mult = strings.TrimSuffix(s, u.Sym), u.Div
		}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		t.Fatalf("label %q: %v", s, err)
	}
	return v * mult
}

func TestYLabelsProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 2000; trial++ {
		n := 1 + rng.IntN(60)
		base := int64(math.Pow(10, rng.Float64()*15))
		spread := int64(math.Pow(10, rng.Float64()*float64(len(strconv.FormatInt(base, 10)))))
		vals := make([]int64, n)
		for i := range vals {
			vals[i] = max(0, base+rng.Int64N(spread+1)-spread/2)
			if trial%10 == 0 {
				vals[i] = base // flat
			}
		}
		h := ChartMinHeight + rng.IntN(30)
		out := Chart([]Line{{Name: "s", Points: series(day0, vals...)}}, ChartOptions{Width: 80, Height: h})
		labels := yLabels(out)
		if len(labels) == 0 {
			t.Fatalf("%v at height %d: no labels\n%s", vals, h, out)
		}
		prev := math.Inf(1)
		seen := map[string]bool{}
		for _, l := range labels {
			v := parseLabel(t, l)
			fractional := strings.Contains(l, ".") && !strings.ContainsAny(l, "kMBTe")
			if seen[l] || v >= prev || fractional || v < 0 {
				t.Fatalf("%v at height %d: labels %q (repeated, unordered, fractional or negative)\n%s", vals, h, labels, out)
			}
			seen[l], prev = true, v
		}
	}
}

func TestFlatAndZeroSeries(t *testing.T) {
	zero := Chart([]Line{{Name: "z", Points: series(day0, 0, 0, 0, 0)}}, ChartOptions{Width: 60, Height: 12})
	if got := yLabels(zero); len(got) != 1 || got[0] != "0" || !strings.Contains(zero, FlatNote) {
		t.Errorf("all-zero: labels %q\n%s", got, zero)
	}
	flat := Chart([]Line{{Name: "f", Points: series(day0, 2_600_000, 2_600_000, 2_600_000)}}, ChartOptions{Width: 60, Height: 12, Caption: "cap"})
	if got := yLabels(flat); len(got) != 1 || got[0] != "2.6M" || !strings.Contains(flat, "cap · "+FlatNote) {
		t.Errorf("flat: labels %q\n%s", got, flat)
	}
	moving := Chart([]Line{{Name: "m", Points: series(day0, 2_600_000, 2_612_000, 2_631_000)}}, ChartOptions{Width: 60, Height: 12})
	if strings.Contains(moving, FlatNote) {
		t.Errorf("a moving series is not flat:\n%s", moving)
	}
}

func TestMinMaxAvg(t *testing.T) {
	lo, hi, avg := MinMaxAvg([]int64{2_612_345, 2_641_000, 2_630_000})
	if lo != "2.61M" || hi != "2.64M" || avg != "2.63M" {
		t.Errorf("got %s %s %s", lo, hi, avg)
	}
	lo, hi, avg = MinMaxAvg([]int64{math.MaxInt64, math.MaxInt64 - 1})
	if lo != "9,223,372,036,854,775,806" || hi != "9,223,372,036,854,775,807" || avg == "" {
		t.Errorf("at the limit: %s %s %s", lo, hi, avg)
	}
}

func TestDayTicks(t *testing.T) {
	cases := []struct{ days, plotW, want int }{
		{7, 67, 7},  // every day when there is room
		{7, 30, 4},  // every other day
		{31, 67, 7}, // every 5 days
		{30, 67, 5}, // 29 is prime: spread evenly
		{1, 40, 2},
	}
	for _, c := range cases {
		if got := dayTicks(c.days, c.plotW); got != c.want {
			t.Errorf("dayTicks(%d, %d) = %d, want %d", c.days, c.plotW, got, c.want)
		}
	}
	out := Chart([]Line{{Name: "w", Points: series(day0, 1, 5, 3, 8, 2, 9, 4)}}, ChartOptions{Width: 80, Height: 12})
	for d := 1; d <= 7; d++ {
		if want := "Nov 0" + strconv.Itoa(d); !strings.Contains(out, want) {
			t.Errorf("7-day chart lacks %s:\n%s", want, out)
		}
	}
}
