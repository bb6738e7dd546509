package client

import (
	"fmt"
	"time"
)

// checkDays refuses a series asked with ending_at whose days are not
// those asked for: every point must lie in [ending_at − length, ending_at]
// (the API's day of ending_at, one day of slack either way). A server that
// ignores ending_at, or whose days are shifted, would otherwise have its
// sizes shown for other dates. An answer up to now is not checked against
// our clock: the API's may differ (near midnight; the demo's time-lapse).
func checkDays(points []Point, length int, endingAt time.Time) error {
	if len(points) == 0 || endingAt.IsZero() {
		return nil
	}
	first, newest := points[0].Day, points[len(points)-1].Day
	end := DateOf(endingAt.UTC())
	if lo := end.AddDays(-length); first.Before(lo) || end.Before(newest) {
		return fmt.Errorf("the answer holds %s to %s, outside the %d days asked for before %s (%s to %s)",
			first, newest, length, end, lo, end.AddDays(-1))
	}
	return nil
}

// checkWindowDays refuses a stitched window that does not hold each day
// from first to last once, in order: a chunk that came back short, shifted
// or for other days than asked would leave a gap the chart would close up,
// drawing sizes on the wrong dates. The error names the missing days.
func checkWindowDays(points []Point, first, last Date) error {
	want := first
	for _, p := range points {
		switch {
		case p.Day == want:
			want = want.AddDays(1)
		case want.Before(p.Day):
			return windowGap(want, p.Day.AddDays(-1), first, last)
		default:
			return fmt.Errorf("%s comes out of order or twice in the window %s to %s", p.Day, first, last)
		}
	}
	if !last.Before(want) {
		return windowGap(want, last, first, last)
	}
	return nil
}

func windowGap(from, to, first, last Date) error {
	return fmt.Errorf("%s missing from the window %s to %s: the API's answers for its parts do not join up",
		missingDays(from, to), first, last)
}
