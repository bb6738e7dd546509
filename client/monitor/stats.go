// Package monitor answers the question monitoring exists for: what changed,
// and is anything broken? It computes a series' changes and anomaly score,
// evaluates alert rules, and scans many segments through the shared cache.
// The dashboard, `segdash check` and `segdash scan` all use it; it has no UI
// import.
package monitor

import (
	"math"
	"slices"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/num"
)

// Stats are what a series says about change: the newest point, the change
// over the newest day and over the whole window, and the anomaly score of
// the newest day's change.
type Stats struct {
	// Latest is the newest point; HasLatest is false for an empty series.
	Latest    client.Point
	HasLatest bool
	// DayChange is the newest point minus the one before it; DayPct the
	// same in percent of the one before (NaN when that was 0 or missing).
	DayChange int64
	DayPct    float64
	HasDay    bool
	// WindowChange is the newest point minus the first of the window with
	// data (client.WithData: a segment created within the window is
	// measured from its first day, not from the zeros before it);
	// WindowPct the same in percent of that first (NaN when it was 0).
	WindowChange int64
	WindowPct    float64
	// Score is how unusual the newest day's change is against the window's
	// own day-to-day variation (a robust z-score; 0 when it cannot be told).
	Score float64
	// Unchanged is how many days the newest size has held: 0 when it
	// differs from the day before.
	Unchanged int
	// Anomaly is Score at or over the detector's threshold, with the
	// change large enough to matter.
	Anomaly bool
}

// Analyze computes the stats of points (oldest first, one per day) with
// detector d, from the first point with data on (client.WithData): Braze
// reports zeros for the days before a segment existed, and its creation is
// no change. A segment younger than the detector's MinHistory gets no
// anomaly verdict and one created on the newest day no day change.
func Analyze(points []client.Point, d Detector) Stats {
	points = client.WithData(points)
	var s Stats
	s.DayPct, s.WindowPct = math.NaN(), math.NaN()
	n := len(points)
	if n == 0 {
		return s
	}
	s.Latest, s.HasLatest = points[n-1], true
	if n >= 2 {
		day, window := num.ChangeOf(points[n-2].Size, s.Latest.Size), num.ChangeOf(points[0].Size, s.Latest.Size)
		s.DayChange, s.DayPct, s.HasDay = day.Abs, pctOrNaN(day), true
		s.WindowChange, s.WindowPct = window.Abs, pctOrNaN(window)
	}
	for i := n - 2; i >= 0 && points[i].Size == s.Latest.Size; i-- {
		s.Unchanged++
	}
	s.Score = d.Score(points)
	s.Anomaly = d.fires(points, s.Score)
	return s
}

// pctOrNaN is c's percent, NaN when it has none.
func pctOrNaN(c num.Change) float64 {
	if !c.HasPct {
		return math.NaN()
	}
	return c.Pct
}

// median returns the median of xs (sorted in place); NaN for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m]) / 2
}

// mad is the median absolute deviation of xs around their median, scaled
// by 1.4826 so that it estimates the standard deviation of normal noise.
func mad(xs []float64) (center, scale float64) {
	center = median(slices.Clone(xs))
	dev := make([]float64, len(xs))
	for i, x := range xs {
		dev[i] = math.Abs(x - center)
	}
	return center, 1.4826 * median(dev)
}
