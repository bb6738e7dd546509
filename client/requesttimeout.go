package client

import (
	"context"
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
