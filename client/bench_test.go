package client_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// benchmarkListing lists 10,000 segments from the stand-in with 20 ms of
// latency per request: one page after the other when the page count is
// unknown, or up to 8 at once through a cache that knows it.
func benchmarkListing(b *testing.B, known bool) {
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(1, 10000)})
	api.SetFault(brazetest.Fault{Latency: 20 * time.Millisecond})
	srv := httptest.NewServer(api)
	defer srv.Close()
	c, err := client.New(srv.URL, brazetest.DemoKey)
	if err != nil {
		b.Fatal(err)
	}
	want := len(api.Workspace().Listed())
	for b.Loop() {
		var segs []client.Segment
		if known {
			cache := client.NewCache(c, client.CacheOptions{MaxInFlight: 8})
			cache.ExpectSegments(want)
			segs, err = cache.Segments(context.Background(), 0, nil)
		} else {
			segs, err = c.AllSegments(context.Background(), nil)
		}
		if err != nil || len(segs) != want {
			b.Fatalf("%d segments, %v", len(segs), err)
		}
	}
	b.ReportMetric(float64(api.Requests("list"))/float64(b.N), "requests/op")
}

func BenchmarkAllSegments10kKnownPages(b *testing.B) { benchmarkListing(b, true) }
func BenchmarkAllSegments10kSequential(b *testing.B) { benchmarkListing(b, false) }
