package client

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Cache sits in front of a Client and is the one place that decides whether
// a request goes out: an answer younger than its kind's TTL is served from
// memory, concurrent callers for the same answer share one request, and at
// most MaxInFlight requests run at once, list pages included (and first:
// while a listing runs, its pages take the slots before any series). Memory is
// bounded: each kind keeps at most MaxEntries answers (least recently used
// go first). It is safe for many concurrent users (every session of
// `segdash serve` shares one).
type Cache struct {
	client  *Client
	o       CacheOptions
	slots   *slots
	fetches atomic.Int64

	seriesFlight  flight[SeriesKey, *Series]
	detailsFlight flight[string, *Details]
	listFlight    flight[listKey, []Segment]

	mu      sync.Mutex // guards the three stores and listPages
	series  *lru[SeriesKey, *Series]
	details *lru[string, *Details]
	list    *lru[listKey, []Segment]
	// listPages is the page count of the last complete listing (or of
	// ExpectSegments, RememberListing): the next listing goes past it only
	// when its last page comes back full, so it sends nothing past the end.
	listPages int
	// partial holds the pages of a listing that failed (a 429, a timeout)
	// so the next listing resumes at the failed page; partialAt is when it
	// began, and partial pages older than the list TTL are not reused.
	partial   map[int][]Segment
	partialAt time.Time
	// listSaved says the listing held came from an earlier run
	// (RememberListing), reused for SavedListAge rather than ListTTL.
	listSaved bool

	apiDay apiDay // the newest day the API's up-to-now answers hold
}

// listKey is the one key of the segment list.
type listKey struct{}

// CacheOptions configures a Cache. Zero values take the defaults.
type CacheOptions struct {
	// TTL is how long a data series that reaches yesterday or later is
	// reused (default 5 minutes: the newest day can still change).
	TTL time.Duration
	// ClosedTTL is how long a series whose window ended before yesterday
	// is reused (default 24 hours: its days no longer change).
	ClosedTTL time.Duration
	// DetailsTTL is how long a segment's details are reused (default 30
	// minutes: names and filters change rarely).
	DetailsTTL time.Duration
	// ListTTL is how long the segment list is reused (default 10 minutes).
	ListTTL time.Duration
	// MaxInFlight bounds requests running at once (default 4).
	MaxInFlight int
	// MaxEntries bounds the series, and separately the details, kept in
	// memory (default 2,000 each: about 7 MB of 100-day series, against
	// 35 MB for 10,000 kept unbounded).
	MaxEntries int
	// Timeout bounds one shared fetch, whoever waits for it (default 2 min;
	// a listing of many pages is one fetch).
	Timeout time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Offline refuses every request: only remembered answers are served.
	Offline bool
}

// NewCache returns a cache in front of c.
func NewCache(c *Client, o CacheOptions) *Cache {
	o.TTL = orDefault(o.TTL, 5*time.Minute)
	o.ClosedTTL = orDefault(o.ClosedTTL, 24*time.Hour)
	o.DetailsTTL = orDefault(o.DetailsTTL, 30*time.Minute)
	o.ListTTL = orDefault(o.ListTTL, 10*time.Minute)
	o.Timeout = orDefault(o.Timeout, 2*time.Minute)
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = 4
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = 2000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Cache{client: c, o: o, slots: newSlots(o.MaxInFlight),
		series: newLRU[SeriesKey, *Series](o.MaxEntries), details: newLRU[string, *Details](o.MaxEntries),
		list: newLRU[listKey, []Segment](1)}
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Client returns the client behind the cache.
func (c *Cache) Client() *Client { return c.client }

// Fetches counts the requests the cache has let through to the client
// (one per list page): the cost, in API calls, of what its users asked.
func (c *Cache) Fetches() int64 { return c.fetches.Load() }

// RateLimit returns the newest rate-limit state any answer reported (the
// hourly budget left and when it resets), for a status bar or to state
// what a scan cost; false until an answer carried the headers.
func (c *Cache) RateLimit() (Rate, bool) {
	r := c.client.Rate()
	return r, r.Known
}

// SeriesKey identifies one data-series request.
type SeriesKey struct {
	SegmentID string
	Length    int
	// EndingAt zero means "up to now".
	EndingAt time.Time
}

// String names the key in one line, for logs and messages.
func (k SeriesKey) String() string {
	end := "now"
	if !k.EndingAt.IsZero() {
		end = k.EndingAt.UTC().Format(time.RFC3339)
	}
	return fmt.Sprintf("series|%s|%d|%s", k.SegmentID, k.Length, end)
}

// normal makes keys for the same instant equal whatever their location.
func (k SeriesKey) normal() SeriesKey {
	if !k.EndingAt.IsZero() {
		k.EndingAt = k.EndingAt.UTC()
	}
	return k
}

// Fresh, as a maxAge, refuses any remembered answer (a request still joins
// one already in flight).
const Fresh time.Duration = -1

// DataSeries returns the series for k, from memory when younger than maxAge
// (0: the TTL of its kind, TTL or ClosedTTL; Fresh: never).
func (c *Cache) DataSeries(ctx context.Context, k SeriesKey, maxAge time.Duration) (*Series, error) {
	k = k.normal()
	ttl := c.seriesTTL(k)
	return cached(c, ctx, c.series, &c.seriesFlight, k, pick(maxAge, ttl), ttl, func(ctx context.Context) (*Series, error) {
		return slot(c, ctx, normalPriority, func(ctx context.Context) (*Series, error) {
			s, _, err := c.client.DataSeries(ctx, k.SegmentID, k.Length, k.EndingAt)
			return s, err
		})
	})
}

// seriesTTL is TTL for a series that may still change, ClosedTTL for one
// whose window ended before yesterday (UTC).
func (c *Cache) seriesTTL(k SeriesKey) time.Duration {
	if c.closed(k) {
		return c.o.ClosedTTL
	}
	return c.o.TTL
}

// closed reports whether every day of k's window is before yesterday (UTC),
// so its answer never changes. A window ending at yesterday midnight ends
// the day before yesterday: it is closed.
func (c *Cache) closed(k SeriesKey) bool {
	yesterday := DateOf(c.o.Now().UTC()).AddDays(-1).Time()
	return !k.EndingAt.IsZero() && !k.EndingAt.After(yesterday)
}

// Details returns a segment's details, from memory when younger than maxAge
// (0: DetailsTTL; Fresh: never).
func (c *Cache) Details(ctx context.Context, segmentID string, maxAge time.Duration) (*Details, error) {
	ttl := c.o.DetailsTTL
	return cached(c, ctx, c.details, &c.detailsFlight, segmentID, pick(maxAge, ttl), ttl, func(ctx context.Context) (*Details, error) {
		return slot(c, ctx, normalPriority, func(ctx context.Context) (*Details, error) {
			d, _, err := c.client.SegmentDetails(ctx, segmentID)
			return d, err
		})
	})
}

// Peek returns a remembered series without any request, however old, and
// when it was fetched.
func (c *Cache) Peek(k SeriesKey) (*Series, time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.series.get(k.normal())
}

func pick(maxAge, def time.Duration) time.Duration {
	if maxAge == 0 {
		return def
	}
	return maxAge
}

// cached serves k from store when younger than maxAge, else through one
// shared fetch (which takes its own request slots), and remembers the
// answer for ttl.
func cached[K comparable, V any](c *Cache, ctx context.Context, store *lru[K, V], fl *flight[K, V], k K,
	maxAge, ttl time.Duration, fetch func(context.Context) (V, error)) (V, error) {
	v, seen, ok := remembered(c, store, k, maxAge, time.Time{})
	if ok {
		return v, nil
	}
	var zero V
	if c.o.Offline {
		return zero, &Error{Kind: ErrOffline, Endpoint: "cache"}
	}
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	return fetchShared(c, ctx, store, fl, k, maxAge, ttl, seen, fetch)
}

// remembered returns store's answer for k when younger than maxAge and
// fetched after since, and when the answer it holds (if any) was fetched.
func remembered[K comparable, V any](c *Cache, store *lru[K, V], k K, maxAge time.Duration, since time.Time) (V, time.Time, bool) {
	var zero V
	if maxAge <= 0 {
		return zero, time.Time{}, false
	}
	c.mu.Lock()
	v, fetched, ok := store.get(k)
	c.mu.Unlock()
	if ok && fetched.After(since) && c.o.Now().Sub(fetched) < maxAge {
		return v, fetched, true
	}
	return zero, fetched, false
}

// fetchShared fetches k through one shared fetch and remembers the answer
// for ttl. An answer stored after seen (when the caller found its answer
// too old), by a fetch that ended between that look and this one, serves
// instead of a request: two sessions refreshing together cost one request
// however their looks and fetches interleave.
func fetchShared[K comparable, V any](c *Cache, ctx context.Context, store *lru[K, V], fl *flight[K, V], k K,
	maxAge, ttl time.Duration, seen time.Time, fetch func(context.Context) (V, error)) (V, error) {
	return fl.do(ctx, k, c.o.Timeout, func(ctx context.Context) (V, error) {
		if v, _, ok := remembered(c, store, k, maxAge, seen); ok {
			return v, nil
		}
		v, err := fetch(ctx)
		if err != nil {
			var zero V
			return zero, c.timedOut(ctx, err)
		}
		c.mu.Lock()
		store.put(k, v, c.o.Now(), ttl)
		c.mu.Unlock()
		return v, nil
	})
}

// slot runs fetch holding one of the MaxInFlight request slots, taken at
// priority p; waiting for a slot ends with ctx. A bound set by WithRequestTimeout starts once
// the slot is held, so the time queued behind other requests does not
// count against it.
func slot[V any](c *Cache, ctx context.Context, p priority, fetch func(context.Context) (V, error)) (V, error) {
	if err := spendBudget(ctx); err != nil {
		var zero V
		return zero, err
	}
	if err := c.slots.acquire(ctx, p); err != nil {
		var zero V
		return zero, err
	}
	defer c.slots.release(p)
	c.fetches.Add(1)
	d, ok := requestTimeout(ctx)
	if !ok {
		return fetch(ctx)
	}
	rctx, bound, release := startBound(ctx, d)
	defer release()
	v, err := fetch(rctx)
	if err != nil && ctx.Err() == nil && bound.ranOut() {
		err = timeoutError(d, context.DeadlineExceeded)
	}
	return v, err
}

// timedOut turns the shared fetch's own deadline into a transport error
// (its callers did not cancel anything; the fetch took too long).
func (c *Cache) timedOut(ctx context.Context, err error) error {
	return timedOut(ctx, err, c.o.Timeout)
}

// timedOut turns ctx's own deadline d, when it ended the fetch, into a
// transport error "timed out after d" that still matches
// context.DeadlineExceeded; any other err is returned as is.
func timedOut(ctx context.Context, err error, d time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) && errors.Is(err, context.DeadlineExceeded) {
		return timeoutError(d, err)
	}
	return err
}

// timeoutError is the transport error "timed out after d" of a fetch
// ended by a bound of d; it wraps err, which matches
// context.DeadlineExceeded.
func timeoutError(d time.Duration, err error) *Error {
	return &Error{Kind: ErrTransport, Endpoint: "cache", Message: TimedOutText(d), Err: err}
}

// IsCanceled reports whether err is only a cancellation by the caller.
func IsCanceled(err error) bool {
	return errors.Is(err, context.Canceled)
}
