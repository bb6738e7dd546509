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
// latency per request, fetching up to ahead pages at once.
func benchmarkListing(b *testing.B, ahead int) {
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(1, 10000)})
	api.SetFault(brazetest.Fault{Latency: 20 * time.Millisecond})
	srv := httptest.NewServer(api)
	defer srv.Close()
	c, err := client.New(srv.URL, brazetest.DemoKey, client.WithPageConcurrency(ahead))
	if err != nil {
		b.Fatal(err)
	}
	want := len(api.Workspace().Listed())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		segs, err := c.AllSegments(context.Background(), nil)
		if err != nil || len(segs) != want {
			b.Fatalf("%d segments, %v", len(segs), err)
		}
	}
}

func BenchmarkAllSegments10kConcurrent(b *testing.B) { benchmarkListing(b, 8) }
func BenchmarkAllSegments10kSequential(b *testing.B) { benchmarkListing(b, 1) }
