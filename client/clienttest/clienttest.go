// Package clienttest is test plumbing for code that talks to Braze through
// package client: an in-memory HTTP transport in front of an http.Handler
// (such as a brazetest.Handler), clients and caches over it, and a clock
// the test moves. Only tests import it.
package clienttest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// Endpoint is the REST endpoint of the clients NewClient makes; Transport
// never reaches it.
const Endpoint = "https://rest.iad-01.braze.com"

// Transport serves requests with Handler in the caller's goroutine, with
// no network: inside a synctest bubble, a request blocked in the handler
// (on its latency or a gate) is durably blocked, so synctest.Wait tells
// when every request has reached where it waits, and the stand-in's
// latency passes in the bubble's fake time.
type Transport struct{ Handler http.Handler }

// RoundTrip serves r with the handler and returns what it wrote.
func (m Transport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	m.Handler.ServeHTTP(rec, r)
	res := rec.Result()
	res.Request = r
	return res, nil
}

// HTTPClient is an *http.Client whose requests h serves over Transport.
func HTTPClient(h http.Handler) *http.Client {
	return &http.Client{Transport: Transport{h}}
}

// NewClient is a client of h over Transport, at Endpoint with
// brazetest.DemoKey, with opts after the HTTP client; it fails the test
// when the client cannot be made.
func NewClient(t testing.TB, h http.Handler, opts ...client.Option) *client.Client {
	t.Helper()
	all := append([]client.Option{client.WithHTTPClient(HTTPClient(h))}, opts...)
	c, err := client.New(Endpoint, brazetest.DemoKey, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// NewCache is a cache with options o in front of NewClient(t, h, opts...):
// in a synctest bubble its clock is the bubble's.
func NewCache(t testing.TB, h http.Handler, o client.CacheOptions, opts ...client.Option) *client.Cache {
	t.Helper()
	return client.NewCache(NewClient(t, h, opts...), o)
}

// Clock is a settable clock whose sleeps advance it instead of waiting;
// it is safe for concurrent use.
type Clock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

// NewClock is a Clock reading t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now is the clock's reading.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock d on.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// Sleep records d and advances the clock by it at once; it returns ctx's
// error, without advancing, when ctx is done already.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	c.t = c.t.Add(d)
	return nil
}

// Sleeps are the durations Sleep was given, in order.
func (c *Clock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}
