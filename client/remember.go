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
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Remembered
	for k, it := range c.series.items {
		if k.SegmentID == segmentID && c.closed(k) && k.Length <= MaxLength {
			out = append(out, Remembered{Key: k, Series: it.val, Fetched: it.fetched})
		}
	}
	return out
}
