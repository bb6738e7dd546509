package client_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// memTransport serves requests with a handler in the caller's goroutine,
// with no network: inside a synctest bubble, a request blocked in the
// handler (on its latency or a gate) is durably blocked, so synctest.Wait
// tells when every request has reached where it waits, and the stand-in's
// latency passes in fake time.
type memTransport struct{ h http.Handler }

func (m memTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	m.h.ServeHTTP(rec, r)
	res := rec.Result()
	res.Request = r
	return res, nil
}

// newMemCache is a cache in front of a client of h over memTransport,
// for tests in a synctest bubble (its clock is the bubble's).
func newMemCache(t *testing.T, h http.Handler, o client.CacheOptions, opts ...client.Option) *client.Cache {
	t.Helper()
	all := append([]client.Option{client.WithHTTPClient(&http.Client{Transport: memTransport{h}})}, opts...)
	c, err := client.New("https://rest.iad-01.braze.com", brazetest.DemoKey, all...)
	if err != nil {
		t.Fatal(err)
	}
	return client.NewCache(c, o)
}
