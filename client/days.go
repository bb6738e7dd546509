package client

import (
	"fmt"
	"time"
)

// checkDays refuses a series asked with ending_at whose days are not
// those asked for: every point must lie in [ending_at − length, ending_at]
// (the API's day of ending_at, one day of slack either way). A server that
// ignores ending_at, or whose days are shifted, would otherwise have its
// sizes shown for other dates. An answer up to now is checked by
// checkRecentDays instead.
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

// StaleAfter is how many days the newest day of an answer up to now may
// lag the API's own before the series carries a warning: Braze counts a
// day once it is over, and may be a day late doing it.
const StaleAfter = 2

// checkRecentDays checks a series asked up to now against the API's day,
// from apiNow, its clock when it answered (our clock is not the API's:
// near midnight, or a stand-in on a clock of its own): every point must
// lie in the length days before apiNow's day, with a day of slack either
// way (midnight may pass between the answer and its Date), or the answer
// is refused. A newest day more than StaleAfter days older than the API's
// yesterday is returned as a warning: the sizes are real, but old. A zero
// apiNow (no Date header) checks nothing.
func checkRecentDays(points []Point, length int, apiNow time.Time) (warning string, err error) {
	if len(points) == 0 || apiNow.IsZero() {
		return "", nil
	}
	first, newest := points[0].Day, points[len(points)-1].Day
	end := DateOf(apiNow.UTC())
	if lo := end.AddDays(-length - 1); first.Before(lo) || end.Before(newest) {
		return "", fmt.Errorf("the answer holds %s to %s, outside the %d days up to the API's day %s (%s to %s)",
			first, newest, length, end.AddDays(-1), end.AddDays(-length), end.AddDays(-1))
	}
	if lag := daysBetween(newest, end.AddDays(-1)); lag > StaleAfter {
		return fmt.Sprintf("the newest size is of %s, %d days before the API's day %s: the sizes shown are old",
			newest, lag, end.AddDays(-1)), nil
	}
	return "", nil
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
