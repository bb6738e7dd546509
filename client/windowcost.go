package client

import "time"

// WindowCost is how many requests Window(segmentID, length, end, maxAge)
// would send now: one for each of its parts the cache cannot answer within
// that part's age. A scan states it before it starts.
func (c *Cache) WindowCost(segmentID string, length int, end time.Time, maxAge time.Duration) int {
	if CheckWindow(length) != nil {
		return 0
	}
	parts, _, _ := c.windowPlan(segmentID, length, end, maxAge)
	if parts == nil {
		parts = []part{{key: SeriesKey{SegmentID: segmentID, Length: length}, maxAge: maxAge}}
	}
	now := c.o.Now()
	n := 0
	for _, p := range parts {
		k := p.key.normal()
		age := pick(p.maxAge, c.seriesTTL(k))
		if _, fetched, ok := c.Peek(k); ok && age > 0 && now.Sub(fetched) < age {
			continue
		}
		n++
	}
	return n
}
