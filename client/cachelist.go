package client

import (
	"context"
	"time"
)

// Segments returns every segment, from memory when younger than maxAge (0:
// the list TTL, or SavedListAge for a listing put back by RememberListing;
// Fresh: never). progress is called with the segments listed
// so far, in order, as pages arrive, for the caller that starts the
// listing (joiners of an in-flight listing get no progress calls). Each
// page holds one of the MaxInFlight request slots, so a listing never has
// more requests in flight than the bound. A listing that fails keeps the
// pages it fetched: the next call resumes at the page that failed.
func (c *Cache) Segments(ctx context.Context, maxAge time.Duration, progress func(sofar []Segment)) ([]Segment, error) {
	ttl := c.o.ListTTL
	if maxAge == 0 {
		maxAge = c.listMaxAge()
	}
	return cached(c, ctx, c.list, &c.listFlight, listKey{}, pick(maxAge, ttl), ttl, func(ctx context.Context) ([]Segment, error) {
		p := c.pager(progress)
		// The listing's slots are kept for its pages until it ends: the
		// names and rows everyone waits for come before any series.
		c.slots.reserve(p.ahead)
		segs, err := p.run(ctx)
		c.slots.reserve(-p.ahead)
		c.mu.Lock()
		defer c.mu.Unlock()
		if err != nil {
			if c.partial == nil {
				c.partialAt = c.o.Now()
			}
			c.partial = p.got
			return nil, err
		}
		c.listPages, c.partial, c.listSaved = p.pagesSeen(), nil, false
		return segs, nil
	})
}

// pager prepares a listing through the cache's request slots, resuming a
// recent failed one.
func (c *Cache) pager(progress func([]Segment)) *pager {
	c.mu.Lock()
	defer c.mu.Unlock()
	got := c.partial
	if got == nil || c.o.Now().Sub(c.partialAt) >= c.o.ListTTL {
		got, c.partial = map[int][]Segment{}, nil
	}
	return &pager{
		fetch: func(ctx context.Context, page int) ([]Segment, error) {
			return slot(c, ctx, listPriority, func(ctx context.Context) ([]Segment, error) {
				segs, _, err := c.client.ListSegments(ctx, page, SortAsc)
				return segs, err
			})
		},
		ahead:    min(c.client.pageAhead, c.o.MaxInFlight),
		known:    c.listPages,
		maxPages: c.client.maxPages,
		progress: progress,
		got:      got,
	}
}

// ExpectSegments tells the cache how many segments the workspace had last
// time (from a snapshot, say), so that its first listing knows the page
// count and asks for no page past the end.
func (c *Cache) ExpectSegments(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.listPages = max(c.listPages, n/PageSize+1)
}
