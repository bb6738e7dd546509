package client_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/clienttest"
)

func TestCacheTTLPerKind(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	cache := e.cache(client.CacheOptions{TTL: time.Minute, DetailsTTL: 10 * time.Minute, ClosedTTL: time.Hour})
	seg := firstTracked(e.api.Workspace()).ID
	ctx := context.Background()
	live := client.SeriesKey{SegmentID: seg, Length: 7}
	closed := client.SeriesKey{SegmentID: seg, Length: 7, EndingAt: fixedNow.AddDate(0, 0, -1).Truncate(24 * time.Hour)} // ends the day before yesterday: closed
	fetchAll := func() {
		t.Helper()
		if _, err := cache.DataSeries(ctx, live, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := cache.DataSeries(ctx, closed, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := cache.Details(ctx, seg, 0); err != nil {
			t.Fatal(err)
		}
	}
	fetchAll()
	want := func(series, details int64) {
		t.Helper()
		if got := e.api.SeriesRequests(seg); got != series {
			t.Errorf("series requests = %d, want %d", got, series)
		}
		if got := e.api.Requests("details"); got != details {
			t.Errorf("details requests = %d, want %d", got, details)
		}
	}
	want(2, 1)
	e.clock.Advance(2 * time.Minute) // past TTL only: the live series is asked again
	fetchAll()
	want(3, 1)
	e.clock.Advance(9 * time.Minute) // past DetailsTTL
	fetchAll()
	want(4, 2)
	e.clock.Advance(50 * time.Minute) // past ClosedTTL
	fetchAll()
	want(6, 3)
}

func TestCacheLRUKeepsRecentlyUsed(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	cache := e.cache(client.CacheOptions{MaxEntries: 8})
	seg := firstTracked(e.api.Workspace()).ID
	key := func(n int) client.SeriesKey { return client.SeriesKey{SegmentID: seg, Length: n} }
	for n := 1; n <= 100; n++ {
		if _, err := cache.DataSeries(context.Background(), key(n), 0); err != nil {
			t.Fatal(err)
		}
		cache.Peek(key(1)) // on screen all along
	}
	kept := 0
	for n := 1; n <= 100; n++ {
		if _, _, ok := cache.Peek(key(n)); ok {
			kept++
		}
	}
	if kept != 8 {
		t.Errorf("%d series kept, want the bound 8", kept)
	}
	if _, _, ok := cache.Peek(key(1)); !ok {
		t.Error("the series used all along was evicted")
	}
}

// blockingServer answers only when its request is cancelled. Each request
// is announced on the channel returned.
func blockingServer(t *testing.T) (*httptest.Server, <-chan struct{}) {
	arrived := make(chan struct{}, 100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	return srv, arrived
}

// endingCtx is a context its test ends with a chosen error, deadline or
// cancellation alike, at a chosen moment.
type endingCtx struct {
	context.Context
	done chan struct{}
	err  atomic.Value
}

func newEndingCtx() *endingCtx {
	return &endingCtx{Context: context.Background(), done: make(chan struct{})}
}

func (c *endingCtx) Done() <-chan struct{} { return c.done }

func (c *endingCtx) Err() error {
	if err, ok := c.err.Load().(error); ok {
		return err
	}
	return nil
}

func (c *endingCtx) end(err error) {
	c.err.Store(err)
	close(c.done)
}

func TestCancellationIsNotRetried(t *testing.T) {
	srv, arrived := blockingServer(t)
	clock := clienttest.NewClock(fixedNow)
	c, _ := client.New(srv.URL, "k", client.WithSleep(clock.Sleep), client.WithRetries(3, time.Millisecond))
	for _, cause := range []error{context.Canceled, context.DeadlineExceeded} {
		ctx := newEndingCtx()
		go func() {
			<-arrived
			ctx.end(cause)
		}()
		_, _, err := c.DataSeries(ctx, "x", 1, time.Time{})
		if err != cause {
			t.Errorf("err = %#v, want exactly %v", err, cause)
		}
		if errors.Is(err, client.ErrTransport) {
			t.Errorf("a cancellation reads as a transport error: %v", err)
		}
		if len(arrived) != 0 || len(clock.Sleeps()) != 0 {
			t.Errorf("%d more requests and %d backoff sleeps after the caller gave up, want none", len(arrived), len(clock.Sleeps()))
		}
	}
}

func TestCacheRateLimit(t *testing.T) {
	e := newEnv(t, brazetest.Options{RateLimit: 1000})
	cache := e.cache(client.CacheOptions{})
	if _, ok := cache.RateLimit(); ok {
		t.Fatal("a rate-limit state before any answer")
	}
	seg := firstTracked(e.api.Workspace()).ID
	ctx := context.Background()
	for n := 1; n <= 3; n++ {
		if _, err := cache.DataSeries(ctx, client.SeriesKey{SegmentID: seg, Length: n}, 0); err != nil {
			t.Fatal(err)
		}
	}
	r, ok := cache.RateLimit()
	if !ok || r.Limit != 1000 || r.Remaining != 997 || !r.Reset.Equal(fixedNow.Truncate(time.Hour).Add(time.Hour)) {
		t.Errorf("RateLimit = %+v %v, want 997 of 1000 left, reset at the top of the hour", r, ok)
	}
	// A cached answer costs nothing and changes nothing.
	cache.DataSeries(ctx, client.SeriesKey{SegmentID: seg, Length: 1}, 0)
	if r2, _ := cache.RateLimit(); r2 != r {
		t.Errorf("a cached answer changed the rate state: %+v", r2)
	}
}

func TestCancelledCallerFreesItsSlot(t *testing.T) {
	// Segment "hung" never answers; every other one answers at once.
	arrived := make(chan string, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.URL.Query().Get("segment_id")
		arrived <- id
		if id == "hung" {
			<-r.Context().Done()
			return
		}
		w.Write([]byte(`{"message":"success","data":[]}`))
	}))
	t.Cleanup(srv.Close)
	c, _ := client.New(srv.URL, "k", client.WithTimeout(time.Hour))
	cache := client.NewCache(c, client.CacheOptions{MaxInFlight: 1, Timeout: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := cache.DataSeries(ctx, client.SeriesKey{SegmentID: "hung", Length: 1}, 0)
		errc <- err
	}()
	<-arrived // the hung request holds the only slot
	cancel()  // the user moved on
	if err := <-errc; err != context.Canceled {
		t.Errorf("cancelled caller: %v", err)
	}
	// The next request gets the slot now, not after the hung one's hour.
	next, stop := context.WithTimeout(context.Background(), 10*time.Second)
	defer stop()
	if _, err := cache.DataSeries(next, client.SeriesKey{SegmentID: "next", Length: 1}, 0); err != nil {
		t.Errorf("the next request did not get the slot: %v", err)
	}
}

// TestCacheReadsWhileRefreshing runs fresh fetches of one key beside reads
// of it, for the race detector: a read must not see the entry half
// updated.
func TestCacheReadsWhileRefreshing(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	cache := e.cache(client.CacheOptions{})
	k := client.SeriesKey{SegmentID: firstTracked(e.api.Workspace()).ID, Length: 3}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for range 10 {
				maxAge := time.Duration(0)
				if i%2 == 0 {
					maxAge = client.Fresh
				}
				if s, err := cache.DataSeries(context.Background(), k, maxAge); err != nil || len(s.Points) != 3 {
					t.Errorf("series %v, %v", s, err)
				}
				if s, _, ok := cache.Peek(k); ok && len(s.Points) != 3 {
					t.Errorf("peeked %v", s)
				}
			}
		})
	}
	wg.Wait()
}
