package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"runtime"
	"strconv"
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

// roundTripFunc is a transport made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// hangingTransport never answers: it sends the time each request's
// context ended.
type hangingTransport chan time.Time

func (h hangingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	<-r.Context().Done()
	h <- time.Now()
	return nil, r.Context().Err()
}

// TestRequestTimeoutStartsWithTheSlot: a fetch queued behind busy request
// slots gets its WithRequestTimeout bound from when it holds a slot, not
// from when it was asked, and the bound reaches the shared fetch. It runs
// in a synctest bubble: the half hour spent in the queue is fake time, and
// synctest.Wait knows when the fetch is blocked on a slot.
func TestRequestTimeoutStartsWithTheSlot(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ended := make(hangingTransport, 1)
		cl, err := New("https://rest.iad-01.braze.com", "key", WithHTTPClient(&http.Client{Transport: ended}),
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
		end := <-ended
		if err := <-done; !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), TimedOutText(time.Hour)) {
			t.Errorf("err %v; want timed out after the bound", err)
		}
		if want := freed.Add(time.Hour); !end.Equal(want) {
			t.Errorf("the request ended at %v; want the slot's time + 1h (%v): the queue counted", end, want)
		}
	})
}

// TestRateLimitWaitStopsTheBound: the time waited for a rate limit to
// reset does not count against WithRequestTimeout's bound; the time the
// API takes to answer does.
func TestRateLimitWaitStopsTheBound(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		reset := time.Now().Add(2 * time.Hour)
		answered := 0
		rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
			h := http.Header{"X-Ratelimit-Limit": {"10"}, "X-Ratelimit-Remaining": {"0"},
				"X-Ratelimit-Reset": {strconv.FormatInt(reset.Unix(), 10)}}
			if time.Now().Before(reset) {
				return &http.Response{StatusCode: 429, Header: h, Body: io.NopCloser(strings.NewReader(`{"message":"API rate limit exceeded"}`)), Request: r}, nil
			}
			select { // a slow answer: this counts
			case <-time.After(20 * time.Second):
			case <-r.Context().Done():
				return nil, r.Context().Err()
			}
			answered++
			body := `{"message":"success","name":"A"}`
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
		})
		cl, err := New("https://rest.iad-01.braze.com", "key", WithHTTPClient(&http.Client{Transport: rt}), WithTimeout(10*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		c := NewCache(cl, CacheOptions{MaxInFlight: 1, Timeout: 10 * time.Hour})
		ctx := WaitOutRateLimits(WithRequestTimeout(context.Background(), 30*time.Second))
		if _, err := c.Details(ctx, "seg", Fresh); err != nil || answered != 1 {
			t.Fatalf("after waiting out the limit: %v (answered %d)", err, answered)
		}
		// The bound runs again once the limit has reset: a 20 s answer
		// after an hour's wait is over a 15 s bound.
		reset = time.Now().Add(time.Hour)
		if _, err := c.Details(WaitOutRateLimits(WithRequestTimeout(context.Background(), 15*time.Second)), "seg2", Fresh); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("a 20 s answer within a 15 s bound: %v", err)
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
