package client_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/clienttest"
)

// fixedNow is the tests' clock: a Monday afternoon, mid-hour.
var fixedNow = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

// env is a stand-in API mounted under a non-empty base path, and a client
// for it on a fake clock.
type env struct {
	api   *brazetest.Handler
	srv   *httptest.Server
	clock *clienttest.Clock
	c     *client.Client
}

func newEnv(t *testing.T, o brazetest.Options, opts ...client.Option) *env {
	t.Helper()
	clock := clienttest.NewClock(fixedNow)
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

// cache is a cache in front of e's client with options o, on e's clock.
func (e *env) cache(o client.CacheOptions) *client.Cache {
	o.Now = e.clock.Now
	return client.NewCache(e.c, o)
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func ioNopCloser(s string) io.ReadCloser { return io.NopCloser(strings.NewReader(s)) }
