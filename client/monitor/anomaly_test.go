package monitor

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/segdash/segdash/client"
)

var day0 = client.Date{Year: 2026, Month: 10, Day: 1}

func pointsOf(sizes ...int64) []client.Point {
	pts := make([]client.Point, len(sizes))
	for i, s := range sizes {
		pts[i] = client.Point{Day: day0.AddDays(i), Size: s}
	}
	return pts
}

// shape makes one synthetic series of n days: level, trend per day, weekly
// amplitude and multiplicative noise, like Braze's sampled estimates.
type shape struct {
	name                 string
	level, trend, weekly float64
	noise                float64
	stepAgo              int // a past break this many days before the end (0: none)
	stepFactor           float64
	integerNoise         bool
}

func (s shape) series(r *rand.Rand, n int) []int64 {
	out := make([]int64, n)
	for i := range n {
		v := s.level * math.Pow(1+s.trend, float64(i))
		v *= 1 + s.weekly*math.Sin(2*math.Pi*float64(i%7)/7)
		if s.stepAgo > 0 && i >= n-s.stepAgo {
			v *= s.stepFactor
		}
		v *= 1 + s.noise*r.NormFloat64()
		if s.integerNoise {
			v += float64(r.IntN(11))
		}
		out[i] = max(0, int64(math.Round(v)))
	}
	return out
}

func shapes() []shape {
	var all []shape
	for _, level := range []float64{0, 3, 40, 900, 25_000, 2_600_000, 4e9} {
		for _, noise := range []float64{0, 0.002, 0.01, 0.03} {
			all = append(all,
				shape{name: "flat", level: level, noise: noise},
				shape{name: "trend-up", level: level, trend: 0.01, noise: noise},
				shape{name: "trend-down", level: level, trend: -0.008, noise: noise},
				shape{name: "weekly", level: level, weekly: 0.25, noise: noise},
				shape{name: "weekly-trend", level: level, weekly: 0.1, trend: 0.005, noise: noise},
				shape{name: "old-break", level: level, stepAgo: 9, stepFactor: 0.5, noise: noise},
				shape{name: "old-jump-weekly", level: level, weekly: 0.15, stepAgo: 7, stepFactor: 1.8, noise: noise},
			)
		}
	}
	all = append(all, shape{name: "tiny", level: 0, integerNoise: true}, shape{name: "tiny-5", level: 5, integerNoise: true})
	return all
}

// TestDetectorNoFalsePositives runs every unbroken shape with many noise
// draws and window lengths: none may fire.
func TestDetectorNoFalsePositives(t *testing.T) {
	d := DefaultDetector()
	r := rand.New(rand.NewPCG(1, 2))
	runs, fired := 0, 0
	for _, s := range shapes() {
		for _, n := range []int{14, 30, 60, 100} {
			for range 20 {
				pts := pointsOf(s.series(r, n)...)
				runs++
				if st := Analyze(pts, d); st.Anomaly {
					fired++
					if fired <= 5 {
						t.Errorf("%s level %.0f noise %.3f n=%d fired: score %.1f, change %d (%v)", s.name, s.level, s.noise, n, st.Score, st.DayChange, pts[n-3:])
					}
				}
			}
		}
	}
	if fired > 0 {
		t.Errorf("false positives: %d of %d unbroken series", fired, runs)
	}
}

// TestDetectorRecall plants breaks on the newest day of series big enough
// to tell (at least 900 users): a fall or a jump of 25 % or more must fire.
func TestDetectorRecall(t *testing.T) {
	d := DefaultDetector()
	r := rand.New(rand.NewPCG(3, 4))
	runs, found := 0, 0
	for _, s := range shapes() {
		if s.level < 900 || s.noise > 0.01 {
			continue
		}
		for _, factor := range []float64{0.5, 0.75, 1.3, 2.5, 0} {
			for _, n := range []int{30, 100} {
				for range 10 {
					sizes := s.series(r, n)
					sizes[n-1] = int64(float64(sizes[n-1]) * factor)
					runs++
					st := Analyze(pointsOf(sizes...), d)
					if st.Anomaly && (st.Score < 0) == (factor < 1) {
						found++
					} else if runs-found <= 5 {
						t.Errorf("%s ×%.2f n=%d missed: score %.1f", s.name, factor, n, st.Score)
					}
				}
			}
		}
	}
	if recall := float64(found) / float64(runs); recall < 0.99 {
		t.Errorf("recall %.3f (%d of %d), want ≥ 0.99", recall, found, runs)
	}
	t.Logf("recall: %d of %d planted breaks", found, runs)
}

func TestAnalyzeChanges(t *testing.T) {
	st := Analyze(pointsOf(1000, 1100, 990), DefaultDetector())
	if !st.HasLatest || st.Latest.Size != 990 || st.DayChange != -110 || st.WindowChange != -10 {
		t.Fatalf("stats %+v", st)
	}
	if got := fmt.Sprintf("%.1f %.1f", st.DayPct, st.WindowPct); got != "-10.0 -1.0" {
		t.Errorf("pcts %s", got)
	}
	if st.Score != 0 || st.Anomaly {
		t.Errorf("three points cannot score: %+v", st)
	}
	empty := Analyze(nil, DefaultDetector())
	if empty.HasLatest || empty.HasDay || !math.IsNaN(empty.DayPct) {
		t.Errorf("empty %+v", empty)
	}
	zero := Analyze(pointsOf(3, 0, 5), DefaultDetector())
	if !math.IsNaN(zero.DayPct) || zero.DayChange != 5 || zero.WindowChange != 2 {
		t.Errorf("from zero %+v", zero)
	}
	// Zeros before the first size are days before the segment existed: a
	// segment created on the newest day has no change yet.
	created := Analyze(pointsOf(0, 0, 5), DefaultDetector())
	if !created.HasLatest || created.Latest.Size != 5 || created.HasDay || created.DayChange != 0 || created.WindowChange != 0 {
		t.Errorf("created on the newest day %+v", created)
	}
	young := Analyze(pointsOf(0, 0, 40, 50), DefaultDetector())
	if young.DayChange != 10 || young.WindowChange != 10 || young.WindowPct != 25 {
		t.Errorf("created within the window %+v", young)
	}
	off := Analyze(pointsOf(0, 0, 0), DefaultDetector())
	if !off.HasDay || off.Unchanged != 2 || off.WindowChange != 0 {
		t.Errorf("all zeros (tracking off) %+v", off)
	}
}
