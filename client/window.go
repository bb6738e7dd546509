package client

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// MaxWindow is the longest window Cache.Window builds, in days: a year,
// from several data_series requests of at most MaxLength days each.
const MaxWindow = 365

// ChunkDays is the span of one aligned chunk of a long window. Chunk k
// covers the days k·ChunkDays … k·ChunkDays+ChunkDays-1 counted from
// 1970-01-01 (UTC), so chunks never overlap and a chunk asked for one
// window is the same request, and the same cache key, for any other window
// that touches it.
const ChunkDays = MaxLength

// CheckWindow validates a window length in days.
func CheckWindow(length int) error {
	if length < 1 || length > MaxWindow {
		return fmt.Errorf("window of %d days is out of range: 1..%d days", length, MaxWindow)
	}
	return nil
}

// WindowDays returns the first and last day of the window of length days
// that ends with the day before end's UTC date, as ending_at does. A zero
// end, or one whose window would reach today or later, means up to now:
// the window then ends the day before now's UTC date. Cache.Window ends an
// up-to-now window with the API's newest day (apiDay); pass the day after
// it as now to agree with it (Cache.PreviousPeriod does).
func WindowDays(length int, end, now time.Time) (first, last Date) {
	last = DateOf(now.UTC()).AddDays(-1)
	if !end.IsZero() {
		if e := DateOf(end.UTC()).AddDays(-1); e.Before(last) {
			last = e
		}
	}
	return last.AddDays(1 - length), last
}

// PreviousPeriod returns the end of the period of the same length just
// before the window (length, end): it ends where this one starts, with no
// gap and no shared day. Ask Cache.Window for (length, PreviousPeriod(…))
// to compare "this period against the last": it shares at most one chunk
// with this window, and its other chunks are closed (cached for ClosedTTL).
func PreviousPeriod(length int, end, now time.Time) time.Time {
	first, _ := WindowDays(length, end, now)
	return first.Time()
}

// PreviousPeriod is the package's PreviousPeriod for the windows this cache
// builds: "now" is the API's (apiDay), so the previous period ends exactly
// where Window's up-to-now window starts, whatever our clock says.
func (c *Cache) PreviousPeriod(length int, end time.Time) time.Time {
	return PreviousPeriod(length, end, c.apiDay.yesterday(c.o.Now()).AddDays(1).Time())
}

// part is one request of a window: its cache key, the days of the window
// it supplies, and how old a remembered answer may be.
type part struct {
	key      SeriesKey
	from, to Date
	maxAge   time.Duration
}

// Window returns length (1..MaxWindow) daily sizes of a segment ending
// with the day before end (zero: up to now; see WindowDays), oldest first,
// with no gap or duplicated day between its requests.
//
// An up-to-now window of at most MaxLength days is the one request it has
// always been (SeriesKey{segmentID, length, zero}); it is returned as is.
// Any other window is built from the aligned chunks (ChunkDays) it touches,
// asked concurrently through the cache (which bounds requests in flight):
//   - the chunk that reaches yesterday is asked up to now, with the length
//     from its first day to yesterday, and follows maxAge (0: TTL; Fresh);
//   - every older chunk ended before yesterday: it is asked with ending_at
//     the day after its last.
//
// A part that supplies only days before yesterday, which no longer change,
// is reused for ClosedTTL whatever maxAge says (even Fresh): a refresh of a
// long up-to-now window sends exactly one request, and of a window that
// ends before yesterday (a previous period) none.
//
// Cost, first time: 1 request up to 100 days (1 or 2 when the window ends
// in the past), 2 or 3 up to 200, 3 or 4 up to 300, 4 or 5 for 365 (fewer
// when chunks are cached); then 1 per refresh.
//
// The result's Length is length and its EndingAt is zero for an up-to-now
// window, else midnight UTC after its last day. When a part fails, the
// parts that succeeded stay cached and the error is a *PartError naming
// the days that failed.
func (c *Cache) Window(ctx context.Context, segmentID string, length int, end time.Time, maxAge time.Duration) (*Series, error) {
	if err := checkSegmentID(pathSeries, segmentID); err != nil {
		return nil, err
	}
	if err := CheckWindow(length); err != nil {
		return nil, &Error{Kind: ErrInvalidArgument, Endpoint: pathSeries, Message: err.Error()}
	}
	for try := 0; ; try++ {
		parts, closed, yesterday := c.windowPlan(segmentID, length, end, maxAge)
		if parts == nil {
			k := SeriesKey{SegmentID: segmentID, Length: length}
			s, err := c.DataSeries(ctx, k, maxAge)
			if err == nil {
				c.noteDay(k, s)
			}
			return s, err
		}
		got := make([]*Series, len(parts))
		errs := make([]error, len(parts))
		var wg sync.WaitGroup
		for i, p := range parts {
			wg.Go(func() { got[i], errs[i] = c.DataSeries(ctx, p.key, p.maxAge) })
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := partError(parts, errs); err != nil {
			return nil, err
		}
		newest := parts[len(parts)-1]
		if newest.key.EndingAt.IsZero() && c.noteDay(newest.key, got[len(got)-1]) != yesterday && try == 0 {
			// The API's newest day is not the one planned with (its
			// clock is past midnight and ours not, or the other way):
			// plan again from its day, once, so the window's days are
			// the API's and none is missing or dropped.
			continue
		}
		out := joinParts(segmentID, length, closed, parts, got)
		if err := checkWindowDays(out.Points, parts[0].from, newest.to); err != nil {
			return nil, &Error{Kind: ErrDecode, Endpoint: pathSeries, Message: err.Error()}
		}
		return out, nil
	}
}

// PeekWindow returns the window (as Window would build it) from remembered
// answers only, however old, without any request, and when its oldest part
// was fetched; false when a part was never fetched. It shows a window
// offline, or stale while it refreshes, as Peek does for one request.
func (c *Cache) PeekWindow(segmentID string, length int, end time.Time) (*Series, time.Time, bool) {
	if CheckWindow(length) != nil {
		return nil, time.Time{}, false
	}
	parts, closed, _ := c.windowPlan(segmentID, length, end, 0)
	if parts == nil {
		return c.Peek(SeriesKey{SegmentID: segmentID, Length: length})
	}
	got := make([]*Series, len(parts))
	var oldest time.Time
	for i, p := range parts {
		s, fetched, ok := c.Peek(p.key)
		if !ok {
			return nil, time.Time{}, false
		}
		got[i] = s
		if oldest.IsZero() || fetched.Before(oldest) {
			oldest = fetched
		}
	}
	return joinParts(segmentID, length, closed, parts, got), oldest, true
}

// windowPlan returns the parts of a window, or nil for an up-to-now window
// of at most MaxLength days (the one request SeriesKey{segmentID, length}),
// whether the window ends before yesterday (closed), and that yesterday:
// the newest day a window up to now ends with, the API's (apiDay).
func (c *Cache) windowPlan(segmentID string, length int, end time.Time, maxAge time.Duration) ([]part, bool, Date) {
	yesterday := c.apiDay.yesterday(c.o.Now())
	last := yesterday
	if !end.IsZero() {
		if e := DateOf(end.UTC()).AddDays(-1); e.Before(last) {
			last = e
		}
	}
	first := last.AddDays(1 - length)
	if last == yesterday && length <= MaxLength {
		return nil, false, yesterday
	}
	closedAge := c.o.ClosedTTL
	if maxAge > closedAge {
		closedAge = maxAge
	}
	return windowParts(segmentID, first, last, yesterday, maxAge, closedAge), last != yesterday, yesterday
}

// joinParts joins the parts' answers into one series of length days; a
// closed window's EndingAt is midnight UTC after its last day.
func joinParts(segmentID string, length int, closed bool, parts []part, got []*Series) *Series {
	out := &Series{SegmentID: segmentID, Length: length}
	if closed {
		out.EndingAt = parts[len(parts)-1].to.AddDays(1).Time()
	}
	for i, p := range parts {
		for _, pt := range got[i].Points {
			// Only the days this part supplies: parts are disjoint and
			// in order, so the joined points are sorted and unique.
			if !pt.Day.Before(p.from) && !p.to.Before(pt.Day) {
				out.Points = append(out.Points, pt)
			}
		}
		out.Duplicates += got[i].Duplicates
		for _, w := range got[i].Warnings {
			if !slices.Contains(out.Warnings, w) {
				out.Warnings = append(out.Warnings, w)
			}
		}
	}
	return out
}

// windowParts splits first..last into the aligned chunks it touches.
func windowParts(segmentID string, first, last, yesterday Date, openAge, closedAge time.Duration) []part {
	var parts []part
	for k := chunkOf(first); k <= chunkOf(last); k++ {
		cFirst, cLast := epochDay(k*ChunkDays), epochDay(k*ChunkDays+ChunkDays-1)
		p := part{from: later(cFirst, first), to: earlier(cLast, last), maxAge: openAge}
		if cLast.Before(yesterday) {
			p.key = SeriesKey{SegmentID: segmentID, Length: ChunkDays, EndingAt: cLast.AddDays(1).Time()}
		} else {
			// The newest chunk: asked up to now, never for days to come.
			p.key = SeriesKey{SegmentID: segmentID, Length: daysBetween(cFirst, yesterday) + 1}
		}
		if p.to.Before(yesterday) {
			// Every day this part supplies is closed: any answer that
			// holds them stays right, even the newest chunk's (whose key
			// changes daily, so a remembered one is from today).
			p.maxAge = closedAge
		}
		parts = append(parts, p)
	}
	return parts
}

// epochDay is the day n days after 1970-01-01.
func epochDay(n int) Date { return Date{1970, time.January, 1}.AddDays(n) }

// chunkOf is the chunk that holds day d.
func chunkOf(d Date) int {
	n := daysBetween(Date{1970, time.January, 1}, d)
	if n < 0 {
		return (n - ChunkDays + 1) / ChunkDays
	}
	return n / ChunkDays
}

// daysBetween is the number of days from a to b (negative if b is earlier).
func daysBetween(a, b Date) int { return int(b.Time().Sub(a.Time()).Hours() / 24) }

func later(a, b Date) Date {
	if a.Before(b) {
		return b
	}
	return a
}

func earlier(a, b Date) Date {
	if a.Before(b) {
		return a
	}
	return b
}
