package snapshot_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/snapshot"
)

// BenchmarkWarmLookup is a warm one-shot check of one segment in a
// workspace of 10,000, at 20 ms per request: a new cache (a new process)
// opens the saved data, then finds the segment by name in the saved
// listing, or takes its id as given, and fetches its 30-day series. The
// name lookup sends no list request (list-requests/op) and should cost
// about what the id does.
func BenchmarkWarmLookup(b *testing.B) {
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(1, 10_260)})
	api.SetFault(brazetest.Fault{Latency: 20 * time.Millisecond})
	srv := httptest.NewServer(api)
	b.Cleanup(srv.Close)
	dir := b.TempDir()
	c, err := client.New(srv.URL, brazetest.DemoKey)
	if err != nil {
		b.Fatal(err)
	}
	store := snapshot.NewStore(dir, srv.URL, brazetest.DemoKey, nil)
	first := client.NewCache(c, client.CacheOptions{})
	sess, _ := snapshot.Open(store, first, false)
	segs, err := first.Segments(context.Background(), 0, nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := sess.Save(); err != nil {
		b.Fatal(err)
	}
	target := segs[len(segs)*2/3]
	for _, byName := range []bool{true, false} {
		name := map[bool]string{true: "name", false: "id"}[byName]
		b.Run(name, func(b *testing.B) {
			lists := api.Requests("list")
			for b.Loop() {
				cache := client.NewCache(c, client.CacheOptions{})
				if _, err := snapshot.Open(store, cache, false); err != nil {
					b.Fatal(err)
				}
				id := target.ID
				if byName {
					all, err := cache.Segments(context.Background(), 0, nil)
					if err != nil {
						b.Fatal(err)
					}
					id = ""
					for _, s := range all {
						if s.Name == target.Name {
							id = s.ID
							break
						}
					}
				}
				if _, err := cache.DataSeries(context.Background(), client.SeriesKey{SegmentID: id, Length: 30}, 0); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(api.Requests("list")-lists)/float64(b.N), "list-requests/op")
		})
	}
}
