package client

import (
	"sync"
	"time"
)

// apiDay is the newest day the API's up-to-now answers held: the day a
// window up to now ends with. It is yesterday by our clock, unless the
// API's clock says otherwise (near midnight, or a stand-in whose days run
// faster); a window planned from our clock alone would then miss a day or
// drop the newest ones.
type apiDay struct {
	mu   sync.Mutex
	day  Date      // zero: not seen yet
	seen time.Time // our clock when it was seen
}

// yesterday is the day a window up to now ends with: the API's newest day
// when one was seen, moved on by the days our clock moved since; else
// yesterday by now.
func (a *apiDay) yesterday(now time.Time) Date {
	ours := DateOf(now.UTC()).AddDays(-1)
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.day.IsZero() {
		return ours
	}
	return a.day.AddDays(daysBetween(DateOf(a.seen.UTC()), DateOf(now.UTC())))
}

// note records the newest day of an up-to-now answer fetched (by our
// clock) at seen, and returns it; zero when s holds no point.
func (a *apiDay) note(s *Series, seen time.Time) Date {
	p, ok := s.Latest()
	if !ok || !s.EndingAt.IsZero() {
		return Date{}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.day, a.seen = p.Day, seen
	return p.Day
}

// noteDay records the newest day of the answer s to k, stamped with when
// the cache fetched it (a remembered answer from before midnight is of
// yesterday's "now"), and returns it.
func (c *Cache) noteDay(k SeriesKey, s *Series) Date {
	seen := c.o.Now()
	if _, at, ok := c.Peek(k); ok {
		seen = at
	}
	return c.apiDay.note(s, seen)
}
