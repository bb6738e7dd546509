package client

import "time"

// Remember puts a series fetched earlier (at fetched, e.g. by the last run,
// from its snapshot) into the cache, as if it had just been fetched then:
// a window's closed chunks need no request again while younger than
// ClosedTTL. An answer the cache already holds that is newer wins.
func (c *Cache) Remember(k SeriesKey, s *Series, fetched time.Time) {
	if s == nil {
		return
	}
	k = k.normal()
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, at, ok := c.series.get(k); ok && !at.Before(fetched) {
		return
	}
	c.series.put(k, s, fetched, c.seriesTTL(k))
}

// Remembered is one series the cache holds, with its key and fetch time.
type Remembered struct {
	Key     SeriesKey
	Series  *Series
	Fetched time.Time
}

// ClosedChunks returns the remembered series of segmentID whose days no
// longer change (the closed chunks of long windows, and any window that
// ended before yesterday): what is worth keeping for the next start.
func (c *Cache) ClosedChunks(segmentID string) []Remembered {
	return c.closedOf(func(id string) bool { return id == segmentID })
}

// closedOf returns the remembered closed series of the segments keep says.
func (c *Cache) closedOf(keep func(segmentID string) bool) []Remembered {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Remembered
	for k, it := range c.series.items {
		if keep(k.SegmentID) && c.closed(k) && k.Length <= MaxLength {
			out = append(out, Remembered{Key: k, Series: it.val, Fetched: it.fetched})
		}
	}
	return out
}

// SavedListAge is how long a listing saved by an earlier run is reused
// before it is listed again: an hour. Names, tags and tracking change
// rarely, and a command that finds a name missing or an id unknown lists
// afresh anyway; an hour bounds how long a new segment can go unseen by a
// scan of its tag, while commands run back to back (every few seconds or
// minutes, from a shell or cron) list once an hour instead of every time.
const SavedListAge = time.Hour

// RememberListing puts a complete listing made earlier (listed at
// listedAt, pages pages long, e.g. by the last run, from its saved data)
// into the cache: Segments serves it while younger than SavedListAge, and
// the next listing knows the page count. A listing the cache already holds
// that is as new or newer wins.
func (c *Cache) RememberListing(segs []Segment, pages int, listedAt time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, at, ok := c.list.get(listKey{}); ok && !at.Before(listedAt) {
		return
	}
	c.list.put(listKey{}, segs, listedAt, c.o.ListTTL)
	c.listSaved = true
	c.listPages = max(c.listPages, pages, len(segs)/PageSize+1)
}

// savedListing says whether the listing held came from an earlier run's
// saved data rather than from this process's own listing.
func (c *Cache) savedListing() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.listSaved
}

// listMaxAge is how old the listing held may be for Segments with maxAge 0.
func (c *Cache) listMaxAge() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.listSaved {
		return max(SavedListAge, c.o.ListTTL)
	}
	return c.o.ListTTL
}

// Listing returns the complete listing the cache holds, however old, with
// its page count and when it was listed: what is worth keeping for the
// next run. False when no listing has completed.
func (c *Cache) Listing() (segs []Segment, pages int, listedAt time.Time, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	segs, listedAt, ok = c.list.get(listKey{})
	return segs, max(c.listPages, len(segs)/PageSize+1), listedAt, ok
}

// AllClosed returns every remembered series whose days no longer change
// (see ClosedChunks), of every segment.
func (c *Cache) AllClosed() []Remembered {
	return c.closedOf(func(string) bool { return true })
}
