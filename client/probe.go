package client

import (
	"context"
	"errors"
	"time"
)

// Probe sends key one cheap request (page 0 of segments/list) to its own
// endpoint, with no retries, no wait for the rate limit and at most timeout,
// and names the answer: "ok", "unauthorized", "forbidden (the key lacks
// segments.list)", "unreachable", or "error: " and what went wrong. A 429 is
// "ok": the key was accepted.
func Probe(ctx context.Context, endpoint, key, userAgent string, timeout time.Duration) string {
	c, err := New(endpoint, key, WithUserAgent(userAgent), WithRetries(0, 0), WithTimeout(timeout), WithMaxRateWait(0))
	if err != nil {
		return "error: " + err.Error()
	}
	defer c.CloseIdleConnections()
	_, _, err = c.ListSegments(ctx, 0, SortAsc)
	switch {
	case err == nil, errors.Is(err, ErrRateLimited):
		return "ok"
	case errors.Is(err, ErrUnauthorized):
		return "unauthorized"
	case errors.Is(err, ErrForbidden):
		return "forbidden (the key lacks segments.list)"
	case errors.Is(err, ErrTransport):
		return "unreachable"
	}
	return "error: " + err.Error()
}
