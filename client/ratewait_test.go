package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/clienttest"
)

// limitedThenOK answers 429 with no hint of when to retry n times, then a
// page of segments.
func limitedThenOK(n int64) (http.Handler, *atomic.Int64) {
	var calls atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= n {
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"message":"rate limited"}`)
			return
		}
		fmt.Fprint(w, `{"message":"success","segments":[{"id":"a","name":"A"}]}`)
	}), &calls
}

// TestWaitOutRateLimitsWithoutHints: a run that waits out rate limits
// waits after a 429 that names no reset too, doubling from the backoff,
// through more 429s in a row than the retries; without it such a 429 is
// returned at once.
func TestWaitOutRateLimitsWithoutHints(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h, calls := limitedThenOK(6)
		c, err := client.New(clienttest.Endpoint, "acc-key-0123456789", client.WithHTTPClient(clienttest.HTTPClient(h)),
			client.WithRetries(3, 100*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		segs, _, err := c.ListSegments(client.WaitOutRateLimits(context.Background()), 0, "")
		if err != nil || len(segs) != 1 || calls.Load() != 7 {
			t.Fatalf("%v, %d segments after %d calls", err, len(segs), calls.Load())
		}
		if took, want := time.Since(start), 6300*time.Millisecond; took != want { // 0.1+0.2+0.4+0.8+1.6+3.2 s
			t.Errorf("waited %v, want %v", took, want)
		}
		h, calls = limitedThenOK(1)
		c, _ = client.New(clienttest.Endpoint, "acc-key-0123456789", client.WithHTTPClient(clienttest.HTTPClient(h)))
		if _, _, err := c.ListSegments(context.Background(), 0, ""); !errors.Is(err, client.ErrRateLimited) || calls.Load() != 1 {
			t.Errorf("without WaitOutRateLimits: %v after %d calls", err, calls.Load())
		}
	})
}
