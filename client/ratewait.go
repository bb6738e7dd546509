package client

import (
	"context"
	"time"
)

// rateWaitKey is the context key of WaitOutRateLimits.
type rateWaitKey struct{}

// WaitOutRateLimits returns ctx asking the client to wait out every 429,
// however long until the limit resets (Retry-After, else
// X-RateLimit-Reset) and however many come in a row, instead of returning
// the rate-limit error after WithMaxRateWait or WithRetries: only ctx's
// cancellation or deadline ends the wait. For a run that must finish, such
// as a scan (the dashboard rather shows the wait and retries later). Like
// WithRequestTimeout it travels as a value, so it reaches the cache's
// shared fetches.
func WaitOutRateLimits(ctx context.Context) context.Context {
	return context.WithValue(ctx, rateWaitKey{}, true)
}

// rateNoticeKey is the context key of WithRateWaitNotice.
type rateNoticeKey struct{}

// WithRateWaitNotice returns ctx asking the client to call notice with the
// time the limit resets whenever a request starts to wait a second or more
// for it, so that a long wait can be told. notice may be called from many
// requests at once, with the same time.
func WithRateWaitNotice(ctx context.Context, notice func(reset time.Time)) context.Context {
	return context.WithValue(ctx, rateNoticeKey{}, notice)
}

// noticeRateWait tells ctx's WithRateWaitNotice, if any, of a wait of d.
func (c *Client) noticeRateWait(ctx context.Context, d time.Duration) {
	if notice, _ := ctx.Value(rateNoticeKey{}).(func(time.Time)); notice != nil && d >= time.Second {
		notice(c.now().Add(d))
	}
}

// waitsOutRateLimits reports whether WaitOutRateLimits marked ctx.
func waitsOutRateLimits(ctx context.Context) bool {
	v, _ := ctx.Value(rateWaitKey{}).(bool)
	return v
}

// maxUnknownRateWait caps the wait after a 429 that says neither when to
// retry nor when the limit resets: the wait doubles from the backoff up to
// this.
const maxUnknownRateWait = time.Minute

// rateWait is how long to wait before sending again after the 429 e, the
// n-th in a row (from 0), and whether to wait at all: a wait longer than
// WithMaxRateWait, or a 429 past WithRetries in a row, is the caller's to
// handle, unless ctx waits out rate limits.
func (c *Client) rateWait(ctx context.Context, e *Error, n int) (time.Duration, bool) {
	w, known := e.retryWait, e.retryKnown
	if !known && !e.Reset.IsZero() {
		w, known = e.Reset.Sub(c.now()), true
	}
	if waitsOutRateLimits(ctx) {
		if !known {
			w = min(c.backoff<<min(n, 16), maxUnknownRateWait)
		}
		return max(w, 0), true
	}
	if !known || w > c.maxRateWait || n >= c.maxRetries {
		return 0, false
	}
	return max(w, 0), true
}
