package client_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"

	"github.com/segdash/segdash/client"
)

// TestTransportErrorNamesThePathNotTheURL: a refused connection is a
// transport error naming the endpoint path and the cause, never the URL
// net/http's *url.Error carries (method, host, query).
func TestTransportErrorNamesThePathNotTheURL(t *testing.T) {
	hc := &http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	})}
	c, _ := client.New("http://127.0.0.2:8291", "acc-key-0123456789", client.WithHTTPClient(hc), client.WithRetries(0, 0))
	_, err := c.AllSegments(context.Background(), nil)
	const want = "/segments/list: transport error: connection refused"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	for _, leak := range []string{"http://", "127.0.0.2", "page=", "Get "} {
		if err != nil && strings.Contains(err.Error(), leak) {
			t.Errorf("%q shows the URL (%q)", err, leak)
		}
	}
	if !errors.Is(err, client.ErrTransport) || !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("err = %v, want a transport error that still is ECONNREFUSED", err)
	}
}

// TestKeyOutsidePrintableASCIIRefused: a key with a control character or
// a non-ASCII letter is refused before any request, with a message that
// shows no part of it.
func TestKeyOutsidePrintableASCIIRefused(t *testing.T) {
	keys := map[string]string{
		"DEL":          "acc-key-01234\x7f56789",
		"NUL":          "acc-key-01234\x0056789",
		"escape":       "acc-key-01234\x1b[2J",
		"é":            "acc-clé-0123456789",
		"ü":            "acc-küy-0123456789",
		"invalid UTF8": "acc-key-\xff0123456789",
		"NBSP inside":  "acc-key-01\u00a023456789",
	}
	for name, key := range keys {
		t.Run(name, func(t *testing.T) {
			c, err := client.New("US-01", key)
			if c != nil || err == nil || !strings.Contains(err.Error(), "not printable ASCII") {
				t.Fatalf("New = %v, %v; want the key refused", c, err)
			}
			if strings.Contains(err.Error(), "acc-") || strings.Contains(err.Error(), "0123") {
				t.Errorf("%q shows part of the key", err)
			}
		})
	}
	if _, err := client.New("US-01", "acc-key-0123456789"); err != nil {
		t.Errorf("a printable ASCII key refused: %v", err)
	}
}
