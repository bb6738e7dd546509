package client

import (
	"context"
	"sync"
	"time"
)

// requestTimeoutKey is the context key of WithRequestTimeout's bound.
type requestTimeoutKey struct{}

// WithRequestTimeout returns ctx carrying d, which bounds each request of
// the fetch from when it is sent, not the wait for a request slot. A
// deadline on ctx itself counts the time spent queued behind MaxInFlight
// other requests too: with a slow API and many series queued, fetches that
// only waited would be given up although every request sent was answered.
// The bound travels as a value, so it reaches the cache's shared fetches
// (which keep the first caller's values but not its cancellation); ctx's
// own cancellation and deadline still apply. d <= 0 sets no bound.
func WithRequestTimeout(ctx context.Context, d time.Duration) context.Context {
	return context.WithValue(ctx, requestTimeoutKey{}, d)
}

// requestTimeout returns the bound WithRequestTimeout put on ctx, if any.
func requestTimeout(ctx context.Context) (time.Duration, bool) {
	d, ok := ctx.Value(requestTimeoutKey{}).(time.Duration)
	return d, ok && d > 0
}

// boundKey is the context key of a running request bound.
type boundKey struct{}

// requestBound is one fetch's WithRequestTimeout bound, running: it ends
// the fetch's context when it runs out, and stands still while the client
// waits out a rate limit, which is the API's schedule, not a slow answer.
type requestBound struct {
	mu      sync.Mutex
	timer   *time.Timer
	ends    time.Time     // while running
	left    time.Duration // while standing still
	still   bool
	expired bool
}

// startBound returns ctx ended d from now unless the bound stands still
// (pauseBound), and the function that releases it.
func startBound(ctx context.Context, d time.Duration) (context.Context, *requestBound, func()) {
	rctx, cancel := context.WithCancelCause(ctx)
	b := &requestBound{ends: time.Now().Add(d)}
	b.timer = time.AfterFunc(d, func() {
		b.mu.Lock()
		b.expired = true
		b.mu.Unlock()
		cancel(context.DeadlineExceeded)
	})
	return context.WithValue(rctx, boundKey{}, b), b, func() {
		b.timer.Stop()
		cancel(context.Canceled)
	}
}

// ranOut reports whether the bound ended its fetch.
func (b *requestBound) ranOut() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.expired
}

// pauseBound stops the clock of ctx's request bound, if it has one that
// still runs, until the returned function is called.
func pauseBound(ctx context.Context) (resume func()) {
	b, _ := ctx.Value(boundKey{}).(*requestBound)
	if b == nil {
		return func() {}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.still || b.expired || !b.timer.Stop() {
		return func() {}
	}
	b.still, b.left = true, time.Until(b.ends)
	return func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.still, b.ends = false, time.Now().Add(b.left)
		b.timer.Reset(b.left)
	}
}
