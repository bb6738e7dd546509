package client

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"
)

// Cache sits in front of a Client and is the one place that decides whether
// a request goes out: an answer younger than the TTL is served from memory,
// concurrent callers for the same key share one request, and at most
// MaxInFlight requests run at once. It is safe for many concurrent users
// (every session of `segdash serve` shares one).
type Cache struct {
	client   *Client
	ttl      time.Duration
	listTTL  time.Duration
	now      func() time.Time
	timeout  time.Duration
	sem      chan struct{}
	group    singleflight.Group
	mu       sync.Mutex
	entries  map[string]cacheEntry
	maxItems int
	fetches  atomic.Int64
	offline  bool
}

type cacheEntry struct {
	val     any
	fetched time.Time
}

// CacheOptions configures a Cache. Zero values take the defaults.
type CacheOptions struct {
	// TTL is how long a data series or details answer is reused (default
	// 5 minutes: the data is daily).
	TTL time.Duration
	// ListTTL is how long the segment list is reused (default 10 minutes).
	ListTTL time.Duration
	// MaxInFlight bounds requests running at once (default 4).
	MaxInFlight int
	// MaxEntries bounds the remembered answers (default 20,000).
	MaxEntries int
	// Timeout bounds one shared fetch, whoever waits for it (default 2 min).
	Timeout time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Offline refuses every request: only remembered answers are served.
	Offline bool
}

// NewCache returns a cache in front of c.
func NewCache(c *Client, o CacheOptions) *Cache {
	if o.TTL <= 0 {
		o.TTL = 5 * time.Minute
	}
	if o.ListTTL <= 0 {
		o.ListTTL = 10 * time.Minute
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = 4
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = 20000
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Cache{client: c, ttl: o.TTL, listTTL: o.ListTTL, now: o.Now, timeout: o.Timeout,
		sem: make(chan struct{}, o.MaxInFlight), entries: map[string]cacheEntry{}, maxItems: o.MaxEntries, offline: o.Offline}
}

// Client returns the client behind the cache.
func (c *Cache) Client() *Client { return c.client }

// Fetches counts the requests the cache has let through to the client.
func (c *Cache) Fetches() int64 { return c.fetches.Load() }

// SeriesKey identifies one data-series request.
type SeriesKey struct {
	SegmentID string
	Length    int
	// EndingAt zero means "up to now".
	EndingAt time.Time
}

func (k SeriesKey) String() string {
	end := "now"
	if !k.EndingAt.IsZero() {
		end = k.EndingAt.UTC().Format(time.RFC3339)
	}
	return fmt.Sprintf("series|%s|%d|%s", k.SegmentID, k.Length, end)
}

// Fresh, as a maxAge, refuses any remembered answer (a request still joins
// one already in flight).
const Fresh time.Duration = -1

// DataSeries returns the series for k, from memory when younger than maxAge
// (0: the cache's TTL; Fresh: never).
func (c *Cache) DataSeries(ctx context.Context, k SeriesKey, maxAge time.Duration) (*Series, error) {
	v, err := c.do(ctx, k.String(), c.maxAge(maxAge, c.ttl), func(ctx context.Context) (any, error) {
		s, _, err := c.client.DataSeries(ctx, k.SegmentID, k.Length, k.EndingAt)
		return s, err
	})
	if err != nil {
		return nil, err
	}
	return v.(*Series), nil
}

// Details returns a segment's details, from memory when younger than maxAge
// (0: the TTL; Fresh: never).
func (c *Cache) Details(ctx context.Context, segmentID string, maxAge time.Duration) (*Details, error) {
	v, err := c.do(ctx, "details|"+segmentID, c.maxAge(maxAge, c.ttl), func(ctx context.Context) (any, error) {
		d, _, err := c.client.SegmentDetails(ctx, segmentID)
		return d, err
	})
	if err != nil {
		return nil, err
	}
	return v.(*Details), nil
}

// Segments returns every segment, from memory when younger than maxAge (0:
// the list TTL; Fresh: never). progress is called as pages arrive, for the caller that starts the
// listing (joiners of an in-flight listing get no progress calls).
func (c *Cache) Segments(ctx context.Context, maxAge time.Duration, progress func(int)) ([]Segment, error) {
	v, err := c.do(ctx, "segments", c.maxAge(maxAge, c.listTTL), func(ctx context.Context) (any, error) {
		return c.client.AllSegments(ctx, progress)
	})
	if err != nil {
		return nil, err
	}
	return v.([]Segment), nil
}

// Peek returns a remembered series without any request, however old, and
// when it was fetched.
func (c *Cache) Peek(k SeriesKey) (*Series, time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k.String()]
	if !ok {
		return nil, time.Time{}, false
	}
	return e.val.(*Series), e.fetched, true
}

func (c *Cache) maxAge(maxAge, def time.Duration) time.Duration {
	if maxAge == 0 {
		return def
	}
	return maxAge
}

func (c *Cache) do(ctx context.Context, key string, maxAge time.Duration, fetch func(context.Context) (any, error)) (any, error) {
	if maxAge > 0 {
		c.mu.Lock()
		e, ok := c.entries[key]
		c.mu.Unlock()
		if ok && c.now().Sub(e.fetched) < maxAge {
			return e.val, nil
		}
	}
	if c.offline {
		return nil, &Error{Kind: ErrOffline, Endpoint: "cache"}
	}
	ch := c.group.DoChan(key, func() (any, error) {
		// The shared fetch must not die with the first caller's context:
		// others may be waiting for it.
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.timeout)
		defer cancel()
		select {
		case c.sem <- struct{}{}:
		case <-fctx.Done():
			return nil, fctx.Err()
		}
		defer func() { <-c.sem }()
		c.fetches.Add(1)
		v, err := fetch(fctx)
		if err != nil {
			return nil, err
		}
		c.store(key, v)
		return v, nil
	})
	select {
	case r := <-ch:
		return r.Val, r.Err
	case <-ctx.Done():
		return nil, &Error{Kind: ErrTransport, Endpoint: "cache", Err: ctx.Err()}
	}
}

func (c *Cache) store(key string, v any) {
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.maxItems {
		c.evictLocked(now)
	}
	c.entries[key] = cacheEntry{val: v, fetched: now}
}

// evictLocked drops expired entries, then the oldest quarter if still full.
func (c *Cache) evictLocked(now time.Time) {
	for k, e := range c.entries {
		if now.Sub(e.fetched) >= c.ttl {
			delete(c.entries, k)
		}
	}
	if len(c.entries) < c.maxItems {
		return
	}
	type aged struct {
		key string
		at  time.Time
	}
	all := make([]aged, 0, len(c.entries))
	for k, e := range c.entries {
		all = append(all, aged{k, e.fetched})
	}
	slices.SortFunc(all, func(a, b aged) int { return a.at.Compare(b.at) })
	for _, a := range all[:len(all)/4+1] {
		delete(c.entries, a.key)
	}
}

// IsCanceled reports whether err is only a cancellation by the caller.
func IsCanceled(err error) bool {
	return errors.Is(err, context.Canceled)
}
