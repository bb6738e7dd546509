package monitor

import (
	"math"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/num"
)

// Detector decides whether the newest day-over-day change of a series is an
// anomaly: a change far outside the series' own usual day-to-day variation
// over the window. Braze's daily sizes are estimates from random-bucket
// sampling, so a fixed threshold on the daily change fires on noise; the
// detector measures each series against itself instead.
//
// The score is a robust z-score: the newest change's distance from the
// median of the window's earlier changes, in units of their median absolute
// deviation (scaled to a standard deviation). With two weeks of history or
// more, each change is also taken relative to the median change on the same
// weekday; where that explains the window clearly better (a weekly rhythm),
// the score is computed on those residuals, so the rhythm never fires. The
// scale is never below NoiseFloor (relative day-to-day noise),
// so a flat series does not turn sampling noise into an alarm. Changes are
// measured relative to the day before, so a segment that doubled a week
// ago keeps its rhythm.
type Detector struct {
	// Threshold is the |score| at or over which a change is an anomaly.
	Threshold float64
	// MinHistory is the fewest earlier day-to-day changes needed to score.
	MinHistory int
	// MinAbs is the smallest absolute change, in users, that may fire: tiny
	// segments move by a handful of users and never fire.
	MinAbs int64
	// MinPct is the smallest change, as a fraction of the day before, that
	// may fire: Braze's estimates wobble by a few percent.
	MinPct float64
	// NoiseFloor is the day-to-day noise assumed at least, as a fraction of
	// the series' median size.
	NoiseFloor float64
}

// DefaultDetector is the detector segdash uses unless told otherwise.
func DefaultDetector() Detector {
	return Detector{Threshold: 8, MinHistory: 14, MinAbs: 25, MinPct: 0.05, NoiseFloor: 0.005}
}

// normalised fills in defaults for unset fields.
func (d Detector) normalised() Detector {
	def := DefaultDetector()
	if d.Threshold <= 0 {
		d.Threshold = def.Threshold
	}
	if d.MinHistory <= 0 {
		d.MinHistory = def.MinHistory
	}
	if d.MinAbs <= 0 {
		d.MinAbs = def.MinAbs
	}
	if d.MinPct <= 0 {
		d.MinPct = def.MinPct
	}
	if d.NoiseFloor <= 0 {
		d.NoiseFloor = def.NoiseFloor
	}
	return d
}

// Score returns the signed anomaly score of the newest change (negative
// for a fall), 0 when the window is too short to tell. Only the points
// from the first with data count (client.WithData): the zeros before a
// segment existed are no history, so a segment created within the window
// scores once it has MinHistory changes of its own.
func (d Detector) Score(points []client.Point) float64 {
	d = d.normalised()
	points = client.WithData(points)
	n := len(points)
	if n < d.MinHistory+2 {
		return 0
	}
	x := make([]float64, n)
	for i, p := range points {
		x[i] = float64(p.Size)
	}
	// Changes relative to the day before: a level shift or a growing
	// segment keeps its rhythm in relative terms. Tiny bases are held at
	// relBase users so a handful of users is not a doubling.
	const relBase = 50
	diffs := make([]float64, n-1)
	for i := 1; i < n; i++ {
		diffs[i-1] = (x[i] - x[i-1]) / max(math.Abs(x[i-1]), relBase)
	}
	floor := d.NoiseFloor
	hist := diffs[:len(diffs)-1]
	_, plain := mad(hist)
	z := robustZ(diffs, floor)
	// A weekly rhythm: take each change relative to the median change on the
	// same weekday, and score that instead when it explains the window
	// clearly better than the plain changes do.
	if len(hist) >= 14 {
		res := weekdayResiduals(diffs)
		if _, seasonal := mad(res[:len(res)-1]); seasonal < 0.5*plain {
			z = robustZ(res, floor)
		}
	}
	if math.IsNaN(z) || math.IsInf(z, 0) {
		return 0
	}
	return z
}

// weekdayResiduals returns each change minus the median of the earlier
// window's changes on the same weekday (the newest change is left out of
// every median, so it cannot hide itself).
func weekdayResiduals(diffs []float64) []float64 {
	hist := diffs[:len(diffs)-1]
	var profile [7]float64
	for w := range 7 {
		var same []float64
		for i := w; i < len(hist); i += 7 {
			same = append(same, hist[i])
		}
		profile[w] = median(same)
	}
	res := make([]float64, len(diffs))
	for i, v := range diffs {
		res[i] = v - profile[i%7]
	}
	return res
}

// robustZ scores the last of xs against the ones before it.
func robustZ(xs []float64, floor float64) float64 {
	last := xs[len(xs)-1]
	center, scale := mad(xs[:len(xs)-1])
	return (last - center) / max(scale, floor)
}

// fires says whether a score (from Score) is an anomaly for points.
func (d Detector) fires(points []client.Point, score float64) bool {
	d = d.normalised()
	points = client.WithData(points)
	n := len(points)
	if n < 2 || math.Abs(score) < d.Threshold {
		return false
	}
	prev := points[n-2].Size
	change := num.Sub(points[n-1].Size, prev)
	if change < d.MinAbs && change > -d.MinAbs {
		return false
	}
	return prev == 0 || math.Abs(float64(change)) >= d.MinPct*math.Abs(float64(prev))
}
