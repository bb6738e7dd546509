package client

import (
	"net/http"
	"strings"
)

// RequestObserver is told of every HTTP attempt a client makes: the
// endpoint asked ("/segments/list", "/segments/data_series",
// "/segments/details", else "other") and the response's status code, 0
// when no response came (a transport failure or timeout). It must be safe
// for concurrent use and quick: it runs on the request's goroutine.
type RequestObserver func(endpoint string, status int)

// WithRequestObserver reports every attempt (retries included: each one
// counts against the hourly budget) to observe, for metrics. It wraps the
// transport of the HTTP client set so far, so give it after
// WithHTTPClient. observe sees no URL, query or header: never the key.
func WithRequestObserver(observe RequestObserver) Option {
	return func(c *Client) {
		hc := *c.hc
		next := hc.Transport
		if next == nil {
			next = http.DefaultTransport
		}
		hc.Transport = observedTransport{next: next, observe: observe}
		c.hc = &hc
	}
}

// observedTransport is a transport that reports each round trip.
type observedTransport struct {
	next    http.RoundTripper
	observe RequestObserver
}

// RoundTrip sends req through the wrapped transport and reports it.
func (t observedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.next.RoundTrip(req)
	status := 0
	if err == nil {
		status = res.StatusCode
	}
	t.observe(endpointOf(req.URL.Path), status)
	return res, err
}

// CloseIdleConnections passes on to the wrapped transport, so that
// Client.CloseIdleConnections still closes them.
func (t observedTransport) CloseIdleConnections() {
	if c, ok := t.next.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

// endpointOf names the endpoint of a request path (the base URL may have a
// path of its own before it).
func endpointOf(path string) string {
	for _, p := range []string{pathList, pathSeries, pathDetails} {
		if strings.HasSuffix(path, p) {
			return p
		}
	}
	return "other"
}
