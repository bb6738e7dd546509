package client_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// listingBench is the stand-in with 10,000 listed segments behind a
// latency, over loopback HTTP, and a client of it.
type listingBench struct {
	api  *brazetest.Handler
	c    *client.Client
	want int
}

func newListingBench(b *testing.B, latency time.Duration, width int) *listingBench {
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(1, 10_260)})
	api.SetFault(brazetest.Fault{Latency: latency})
	srv := httptest.NewServer(api)
	b.Cleanup(srv.Close)
	c, err := client.New(srv.URL, brazetest.DemoKey, client.WithPageConcurrency(width))
	if err != nil {
		b.Fatal(err)
	}
	return &listingBench{api: api, c: c, want: len(api.Workspace().Listed())}
}

// report adds the list requests per listing, and the time per listing
// against the ideal pages × latency / width.
func (l *listingBench) report(b *testing.B, start int64, latency time.Duration, width int) {
	pages := l.want/client.PageSize + 1
	b.ReportMetric(float64(l.api.Requests("list")-start)/float64(b.N), "requests/op")
	ideal := time.Duration((pages+width-1)/width) * latency
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(ideal), "x-ideal")
}

// BenchmarkColdListing lists 10,000 segments (101 pages) cold, as a first
// `check "Name"` does, through a new cache each time (segdash), and with a
// plain pager of the same width (peer: workers taking the next page until
// one comes back short), at 20 ms per request. x-ideal is the time per
// listing over ceil(pages / width) × latency.
func BenchmarkColdListing(b *testing.B) {
	const latency = 20 * time.Millisecond
	for _, width := range []int{4, 8} {
		l := newListingBench(b, latency, width)
		b.Run(fmt.Sprintf("segdash/width=%d", width), func(b *testing.B) {
			start := l.api.Requests("list")
			for b.Loop() {
				cache := client.NewCache(l.c, client.CacheOptions{MaxInFlight: width})
				if segs, err := cache.Segments(context.Background(), 0, nil); err != nil || len(segs) != l.want {
					b.Fatalf("%d segments, %v", len(segs), err)
				}
			}
			l.report(b, start, latency, width)
		})
		b.Run(fmt.Sprintf("peer/width=%d", width), func(b *testing.B) {
			start := l.api.Requests("list")
			for b.Loop() {
				if n := peerListing(l.c, width); n != l.want {
					b.Fatalf("%d segments", n)
				}
			}
			l.report(b, start, latency, width)
		})
	}
}

// BenchmarkFirstListing300ms is the dashboard's first listing of 10,000
// segments at 300 ms per request with the default 4 requests in flight:
// x-ideal compares it with 101 pages × 300 ms / 4.
func BenchmarkFirstListing300ms(b *testing.B) {
	const latency = 300 * time.Millisecond
	l := newListingBench(b, latency, 8)
	start := l.api.Requests("list")
	for b.Loop() {
		cache := client.NewCache(l.c, client.CacheOptions{})
		if segs, err := cache.Segments(context.Background(), 0, nil); err != nil || len(segs) != l.want {
			b.Fatalf("%d segments, %v", len(segs), err)
		}
	}
	l.report(b, start, latency, 4)
}

// peerListing is the simplest parallel pager, for comparison: width
// workers each take the next page until one page comes back short. It
// returns how many segments it listed.
func peerListing(c *client.Client, width int) int {
	var (
		next  atomic.Int64
		ended atomic.Bool
		mu    sync.Mutex
		n     int
		wg    sync.WaitGroup
	)
	for range width {
		wg.Go(func() {
			for !ended.Load() {
				page := int(next.Add(1) - 1)
				segs, _, err := c.ListSegments(context.Background(), page, client.SortAsc)
				if err != nil || len(segs) < client.PageSize {
					ended.Store(true)
				}
				mu.Lock()
				n += len(segs)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return n
}
