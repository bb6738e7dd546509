package client_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/clienttest"
)

// slowSeries is, for a test in a synctest bubble, a stand-in that answers
// after latency, a cache over it, and the key of the first tracked
// segment's series of length days.
func slowSeries(t *testing.T, latency time.Duration, length int) (*brazetest.Handler, *client.Cache, client.SeriesKey) {
	t.Helper()
	api := brazetest.NewHandler(brazetest.Options{})
	api.SetFault(brazetest.Fault{Latency: latency})
	cache := clienttest.NewCache(t, api, client.CacheOptions{})
	return api, cache, client.SeriesKey{SegmentID: firstTracked(api.Workspace()).ID, Length: length}
}

// TestCacheSingleflight: 50 callers of one series while it is in flight
// share one request (in a synctest bubble, all 50 have joined before the
// stand-in's latency passes).
func TestCacheSingleflight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		api, cache, k := slowSeries(t, 100*time.Millisecond, 30)
		var wg sync.WaitGroup
		var fails atomic.Int32
		for range 50 {
			wg.Go(func() {
				s, err := cache.DataSeries(context.Background(), k, 0)
				if err != nil || len(s.Points) != 30 {
					fails.Add(1)
				}
			})
		}
		wg.Wait()
		if fails.Load() != 0 {
			t.Fatalf("%d callers failed", fails.Load())
		}
		if got := api.SeriesRequests(k.SegmentID); got != 1 {
			t.Errorf("50 concurrent callers caused %d requests, want 1", got)
		}
	})
}

func TestCacheTTLAndFresh(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	cache := e.cache(client.CacheOptions{TTL: time.Minute})
	k := client.SeriesKey{SegmentID: firstTracked(e.api.Workspace()).ID, Length: 7}
	ctx := context.Background()
	for range 3 {
		if _, err := cache.DataSeries(ctx, k, 0); err != nil {
			t.Fatal(err)
		}
	}
	if got := e.api.SeriesRequests(k.SegmentID); got != 1 {
		t.Fatalf("within TTL: %d requests, want 1", got)
	}
	e.clock.Advance(61 * time.Second)
	cache.DataSeries(ctx, k, 0)
	if got := e.api.SeriesRequests(k.SegmentID); got != 2 {
		t.Fatalf("after TTL: %d requests, want 2", got)
	}
	cache.DataSeries(ctx, k, client.Fresh)
	if got := e.api.SeriesRequests(k.SegmentID); got != 3 {
		t.Fatalf("fresh: %d requests, want 3", got)
	}
	// A different window is a different key.
	cache.DataSeries(ctx, client.SeriesKey{SegmentID: k.SegmentID, Length: 30}, 0)
	if got := e.api.SeriesRequests(k.SegmentID); got != 4 {
		t.Fatalf("other window: %d requests, want 4", got)
	}
	if s, at, ok := cache.Peek(k); !ok || len(s.Points) != 7 || !at.Equal(e.clock.Now()) {
		t.Errorf("Peek = %v %v %v", s, at, ok)
	}
}

func TestCacheErrorsNotCached(t *testing.T) {
	e := newEnv(t, brazetest.Options{}, client.WithRetries(0, 0))
	cache := e.cache(client.CacheOptions{})
	k := client.SeriesKey{SegmentID: firstTracked(e.api.Workspace()).ID, Length: 7}
	e.api.SetFault(brazetest.Fault{Status: 500})
	if _, err := cache.DataSeries(context.Background(), k, 0); !errors.Is(err, client.ErrServer) {
		t.Fatalf("err = %v", err)
	}
	e.api.SetFault(brazetest.Fault{})
	if _, err := cache.DataSeries(context.Background(), k, 0); err != nil {
		t.Fatalf("after healing: %v", err)
	}
}

// TestCacheBoundsInFlight: 20 series asked at once run at most 3 at a
// time, and 3 do run together (in a synctest bubble: every request waits
// in the API until all that can start have started).
func TestCacheBoundsInFlight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var cur, peak atomic.Int32
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := cur.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			time.Sleep(20 * time.Millisecond) // fake time: until every runnable request has arrived
			cur.Add(-1)
			w.Write([]byte(`{"message":"success","data":[]}`))
		})
		cache := clienttest.NewCache(t, h, client.CacheOptions{MaxInFlight: 3})
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Go(func() {
				cache.DataSeries(context.Background(), client.SeriesKey{SegmentID: string(rune('a' + i)), Length: 1}, 0)
			})
		}
		wg.Wait()
		if p := peak.Load(); p != 3 {
			t.Errorf("peak in flight = %d, want the bound, 3", p)
		}
		if cache.Fetches() != 20 {
			t.Errorf("fetches = %d", cache.Fetches())
		}
	})
}

// TestCacheCallerCancelDoesNotKillSharedFetch: the first caller of a
// shared fetch giving up leaves it running for the second.
func TestCacheCallerCancelDoesNotKillSharedFetch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		api, cache, k := slowSeries(t, 80*time.Millisecond, 7)
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() { _, err := cache.DataSeries(ctx, k, 0); errc <- err }()
		synctest.Wait() // the first caller waits for the fetch it started
		done := make(chan error, 1)
		go func() { _, err := cache.DataSeries(context.Background(), k, 0); done <- err }()
		synctest.Wait() // the second has joined it
		cancel()
		if err := <-errc; !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled caller: %v", err)
		}
		if err := <-done; err != nil {
			t.Errorf("second caller failed with the first one's cancellation: %v", err)
		}
		if got := api.SeriesRequests(k.SegmentID); got != 1 {
			t.Errorf("%d requests, want 1", got)
		}
	})
}

func TestCacheEvictsWhenFull(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	cache := e.cache(client.CacheOptions{MaxEntries: 8})
	seg := firstTracked(e.api.Workspace()).ID
	for n := 1; n <= 20; n++ {
		e.clock.Advance(time.Second)
		if _, err := cache.DataSeries(context.Background(), client.SeriesKey{SegmentID: seg, Length: n}, 0); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, ok := cache.Peek(client.SeriesKey{SegmentID: seg, Length: 1}); ok {
		t.Errorf("oldest entry kept beyond the bound")
	}
	if _, _, ok := cache.Peek(client.SeriesKey{SegmentID: seg, Length: 20}); !ok {
		t.Errorf("newest entry evicted")
	}
}
