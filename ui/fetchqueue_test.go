package ui

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
)

// TestFetchTimeoutIgnoresQueue: fetches that wait longer than the fetch
// timeout in the cache's own queue (MaxInFlight 1, behind a request the API
// holds) are not reported as timed out: every request the API got is
// answered at once when released. The queue's wait is made longer than the
// timeout by waiting for that timeout to pass while the API holds the
// first request, so the outcome does not depend on how fast the machine
// answers (the timeout is far longer than one loopback request).
func TestFetchTimeoutIgnoresQueue(t *testing.T) {
	const timeout = 2 * time.Second
	e := newTestEnv(t, 12)
	cache := client.NewCache(e.cache.Client(), client.CacheOptions{Now: e.now, MaxInFlight: 1})
	arrived := make(chan string, 1000)
	gate := make(chan struct{})
	e.api.OnRequest(func(r *http.Request) {
		arrived <- r.URL.Query().Get("segment_id")
		<-gate // answers only once released
	})
	segs := e.api.Workspace().Listed()
	ctx := context.Background()

	// An unbounded fetch (a scan's, say) holds the only slot.
	first := make(chan error, 1)
	go func() {
		_, err := cache.DataSeries(ctx, client.SeriesKey{SegmentID: segs[0].ID, Length: 30}, client.Fresh)
		first <- err
	}()
	<-arrived

	queued := make(chan seriesLoadedMsg, len(segs)-1)
	for _, s := range segs[1:] {
		k := client.SeriesKey{SegmentID: s.ID, Length: client.MaxWindow}
		go func() { queued <- fetchOne(ctx, cache, k, 1, client.Fresh, timeout) }()
	}
	// Every queued fetch has now waited longer than its timeout.
	wait, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	<-wait.Done()
	close(gate)

	if err := <-first; err != nil {
		t.Fatalf("the first fetch: %v", err)
	}
	for range segs[1:] {
		if r := <-queued; r.err != nil || r.series == nil {
			t.Errorf("%s: %v", r.key.SegmentID, r.err)
		}
	}
	if n := cache.Fetches(); n < int64(len(segs)) {
		t.Errorf("%d requests for %d segments' year windows", n, len(segs))
	}
}
