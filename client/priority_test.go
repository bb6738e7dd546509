package client_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/clienttest"
)

// TestListPagesBeforeSeries: with every slot busy and series requests
// queued, a listing that starts later still has all its pages sent before
// any queued series: the slots a page frees go to the next page. Events
// only: synctest.Wait tells when the queue is formed.
func TestListPagesBeforeSeries(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(3, 450)})
		gate := make(chan struct{})
		var (
			mu    sync.Mutex
			order []string
		)
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			what := "list"
			if strings.HasSuffix(r.URL.Path, "/data_series") {
				what = r.URL.Query().Get("segment_id")
			}
			mu.Lock()
			order = append(order, what)
			first := len(order) <= 2
			mu.Unlock()
			if first {
				<-gate // the two series that hold the slots
			}
			api.ServeHTTP(w, r)
		})
		cache := clienttest.NewCache(t, h, client.CacheOptions{MaxInFlight: 2})
		segs := api.Workspace().Segments
		var wg sync.WaitGroup
		series := func(id string) {
			wg.Go(func() {
				cache.DataSeries(context.Background(), client.SeriesKey{SegmentID: id, Length: 7}, 0)
			})
		}
		series(segs[0].ID)
		synctest.Wait() // the first series holds a slot, blocked in the API
		series(segs[1].ID)
		synctest.Wait() // the second holds the other slot
		for _, s := range segs[2:6] {
			series(s.ID)
		}
		synctest.Wait() // four series queued for a slot
		wg.Go(func() {
			if _, err := cache.Segments(context.Background(), 0, nil); err != nil {
				t.Error(err)
			}
		})
		synctest.Wait() // the listing's pages queued behind them
		close(gate)
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		last := strings.Join(order, " ")
		pages := len(api.Workspace().Listed())/client.PageSize + 1
		lastList := strings.LastIndex(last, "list")
		for _, s := range segs[2:6] {
			if i := strings.Index(last, s.ID); i < lastList {
				t.Fatalf("requests in order %v: a queued series went before the listing's last page", order)
			}
		}
		if n := strings.Count(last, "list"); n < pages {
			t.Errorf("%d list requests, want at least %d", n, pages)
		}
	})
}

// TestColdListingRunsAtFullWidth: a first listing of 10,000 segments with
// 100 ms per request and 4 requests in flight takes about pages × latency
// / 4 (in the bubble's fake time, so the figure is exact), asking at most
// 3 pages past the end; the next listing, knowing the page count, none.
func TestColdListingRunsAtFullWidth(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(1, 10000)})
		api.SetFault(brazetest.Fault{Latency: 100 * time.Millisecond})
		cache := clienttest.NewCache(t, api, client.CacheOptions{})
		start := time.Now()
		segs, err := cache.Segments(context.Background(), 0, nil)
		took := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		pages := len(segs)/client.PageSize + 1
		ideal := time.Duration(pages) * 100 * time.Millisecond / 4
		if took > ideal*12/10 {
			t.Errorf("%d pages took %v, want at most 1.2 × %v", pages, took, ideal)
		}
		if n := api.Requests("list"); n > int64(pages+3) {
			t.Errorf("%d list requests for %d pages, want at most %d", n, pages, pages+3)
		}
		before := api.Requests("list")
		if _, err := cache.Segments(context.Background(), client.Fresh, nil); err != nil {
			t.Fatal(err)
		}
		if n := api.Requests("list") - before; n != int64(pages) {
			t.Errorf("a listing that knows the page count asked %d pages, want %d", n, pages)
		}
	})
}
