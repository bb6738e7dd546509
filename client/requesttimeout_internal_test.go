package client

import (
	"context"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// deadlineTransport answers every request with a segment's details and
// sends the deadline each request's context carried (none: zero).
type deadlineTransport chan time.Time

func (d deadlineTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	dl, _ := r.Context().Deadline()
	d <- dl
	body := `{"message":"success","name":"A"}`
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

// TestRequestTimeoutStartsWithTheSlot: a fetch queued behind busy request
// slots gets its WithRequestTimeout bound from when it holds a slot, not
// from when it was asked, and the bound reaches the shared fetch. It runs
// in a synctest bubble: the half hour spent in the queue is fake time, and
// synctest.Wait knows when the fetch is blocked on a slot.
func TestRequestTimeoutStartsWithTheSlot(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		seen := make(deadlineTransport, 1)
		cl, err := New("https://rest.iad-01.braze.com", "key", WithHTTPClient(&http.Client{Transport: seen}),
			WithTimeout(10*time.Hour), WithRetries(0, 0)) // the client's own bound is looser than the hour
		if err != nil {
			t.Fatal(err)
		}
		c := NewCache(cl, CacheOptions{MaxInFlight: 2, Timeout: 10 * time.Hour})
		for range c.o.MaxInFlight {
			c.slots.acquire(context.Background(), normalPriority) // every slot busy
		}
		done := make(chan error, 1)
		go func() {
			_, err := c.Details(WithRequestTimeout(context.Background(), time.Hour), "seg", Fresh)
			done <- err
		}()
		synctest.Wait()              // the fetch waits for a slot
		time.Sleep(30 * time.Minute) // in the queue: this must not count
		freed := time.Now()
		c.slots.release(normalPriority) // one slot frees: the fetch may go now, not before
		dl := <-seen
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if dl.IsZero() {
			t.Fatal("the request carries no deadline")
		}
		if want := freed.Add(time.Hour); !dl.Equal(want) {
			t.Errorf("deadline %v; want the slot's time + 1h (%v): the queue counted", dl, want)
		}
	})
}

// TestRequestTimeoutKeepsCancellation: the caller's own cancellation still
// ends the shared fetch's wait for a slot (every slot stays busy, so only
// the cancellation can end it).
func TestRequestTimeoutKeepsCancellation(t *testing.T) {
	cl, err := New("https://rest.iad-01.braze.com", "key", WithHTTPClient(&http.Client{Transport: make(deadlineTransport, 1)}))
	if err != nil {
		t.Fatal(err)
	}
	c := NewCache(cl, CacheOptions{MaxInFlight: 1, Timeout: 10 * time.Hour})
	c.slots.acquire(context.Background(), normalPriority)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := c.Details(WithRequestTimeout(ctx, time.Hour), "seg", Fresh)
		done <- err
	}()
	var fetch *call[*Details]
	for fetch == nil { // the shared fetch starts before its caller waits
		runtime.Gosched()
		c.detailsFlight.mu.Lock()
		fetch = c.detailsFlight.calls["seg"]
		c.detailsFlight.mu.Unlock()
	}
	cancel()
	if err := <-done; !IsCanceled(err) {
		t.Fatalf("err %v, want a cancellation", err)
	}
	<-fetch.done // the shared fetch gave up its wait
	if !IsCanceled(fetch.err) || c.Fetches() != 0 {
		t.Errorf("the shared fetch ended with %v after %d requests, want a cancellation and none", fetch.err, c.Fetches())
	}
}
