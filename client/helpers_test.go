package client_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// fixedNow is the tests' clock: a Monday afternoon, mid-hour.
var fixedNow = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

// fakeClock is a settable clock whose sleeps advance time instead of waiting.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	c.sleeps = append(c.sleeps, d)
	c.t = c.t.Add(d)
	c.mu.Unlock()
	return nil
}

func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

// env is a stand-in API mounted under a non-empty base path, and a client
// for it on a fake clock.
type env struct {
	api   *brazetest.Handler
	srv   *httptest.Server
	clock *fakeClock
	c     *client.Client
}

func newEnv(t *testing.T, o brazetest.Options, opts ...client.Option) *env {
	t.Helper()
	clock := &fakeClock{t: fixedNow}
	if o.Now == nil {
		o.Now = clock.Now
	}
	api := brazetest.NewHandler(o)
	mux := http.NewServeMux()
	mux.Handle("/api/", http.StripPrefix("/api", api))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	key := brazetest.DemoKey
	for k := range o.Keys {
		key = k
		break
	}
	all := append([]client.Option{client.WithClock(clock.Now), client.WithSleep(clock.Sleep)}, opts...)
	c, err := client.New(srv.URL+"/api", key, all...)
	if err != nil {
		t.Fatal(err)
	}
	return &env{api: api, srv: srv, clock: clock, c: c}
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func ioNopCloser(s string) io.ReadCloser { return io.NopCloser(strings.NewReader(s)) }
