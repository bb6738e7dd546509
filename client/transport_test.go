package client_test

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
)

// standIn is a TCP server on loopback that reads one request per
// connection and then does what answer says with the connection.
func standIn(t *testing.T, answer func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { close(done); ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				r := bufio.NewReader(conn)
				for {
					line, err := r.ReadString('\n')
					if err != nil || line == "\r\n" {
						break
					}
				}
				answer(conn)
				<-done // held open until the test ends, unless answer closed it
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// transportErr makes one list request to base with no retries and returns
// its error, which must be a transport error whose text names neither the
// key nor an address.
func transportErr(t *testing.T, base string, opts ...client.Option) (*client.Error, string) {
	t.Helper()
	const key = "transport-key-0123456789"
	c, err := client.New(base, key, append([]client.Option{client.WithRetries(0, 0)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	_, _, err = c.ListSegments(context.Background(), 0, "")
	var ce *client.Error
	if !errors.As(err, &ce) || !errors.Is(err, client.ErrTransport) {
		t.Fatalf("err = %v, want a transport *client.Error", err)
	}
	text := err.Error()
	host := strings.TrimPrefix(strings.TrimPrefix(base, "http://"), "https://")
	for _, bad := range []string{key, host, "http://", "https://", "EOF", "context deadline exceeded", "dial tcp"} {
		if strings.Contains(text, bad) {
			t.Errorf("%q shows %q", text, bad)
		}
	}
	return ce, text
}

func TestTransportErrorsInWords(t *testing.T) {
	refused := func() string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ln.Close()
		return "http://" + ln.Addr().String()
	}
	cases := []struct {
		name string
		base func() string
		opts []client.Option
		want string
	}{
		{"closed before an answer", func() string { return standIn(t, func(c net.Conn) { c.Close() }) },
			nil, "the connection closed before Braze answered"},
		{"closed while answering", func() string {
			return standIn(t, func(c net.Conn) {
				c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"message\":"))
				c.Close()
			})
		}, nil, "the connection closed while Braze was answering"},
		{"reset", func() string {
			return standIn(t, func(c net.Conn) {
				c.(*net.TCPConn).SetLinger(0) // close with RST
				c.Close()
			})
		}, nil, "the connection was reset before Braze answered"},
		{"hung", func() string { return standIn(t, func(net.Conn) {}) },
			[]client.Option{client.WithTimeout(50 * time.Millisecond)}, "timed out after 50 ms"},
		{"hung mid-body", func() string {
			return standIn(t, func(c net.Conn) {
				c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"))
			})
		}, []client.Option{client.WithTimeout(100 * time.Millisecond)}, "timed out after 100 ms while Braze was answering"},
		{"refused", refused, nil, "connection refused"},
		{"no such host", func() string { return "http://127.0.0.1:1" }, []client.Option{client.WithHTTPClient(&http.Client{
			Transport: &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
				return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "rest.iad-99.braze.com", IsNotFound: true}}
			}},
		})}, "host not found (DNS): check the endpoint"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ce, text := transportErr(t, tc.base(), tc.opts...)
			if !strings.Contains(ce.Message, tc.want) || !strings.Contains(text, tc.want) {
				t.Errorf("error %q, want it to say %q", text, tc.want)
			}
		})
	}
}

// TestTimeoutStillMatchesDeadline: the words change, not what errors.Is
// finds, so that callers that tell a timeout apart still can.
func TestTimeoutStillMatchesDeadline(t *testing.T) {
	ce, _ := transportErr(t, standIn(t, func(net.Conn) {}), client.WithTimeout(20*time.Millisecond))
	var ne net.Error
	if !errors.Is(ce, context.DeadlineExceeded) && !(errors.As(ce, &ne) && ne.Timeout()) {
		t.Errorf("%v: the cause is lost", ce)
	}
}

func TestTLSErrorsInWords(t *testing.T) {
	t.Run("untrusted certificate", func(t *testing.T) {
		srv := httptest.NewTLSServer(http.NotFoundHandler())
		defer srv.Close()
		_, text := transportErr(t, srv.URL)
		if !strings.Contains(text, "TLS failed: certificate signed by an unknown authority") {
			t.Errorf("error %q", text)
		}
	})
	t.Run("wrong host name", func(t *testing.T) {
		srv := httptest.NewTLSServer(http.NotFoundHandler())
		defer srv.Close()
		hc := srv.Client()
		hc.Transport.(*http.Transport).TLSClientConfig.ServerName = "rest.iad-01.braze.com"
		_, text := transportErr(t, srv.URL, client.WithHTTPClient(hc))
		if !strings.Contains(text, "TLS failed: the certificate is not for this host") {
			t.Errorf("error %q", text)
		}
	})
	t.Run("plain http server", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		defer srv.Close()
		_, text := transportErr(t, "https://"+strings.TrimPrefix(srv.URL, "http://"))
		if !strings.Contains(text, "TLS failed: the endpoint does not speak TLS") {
			t.Errorf("error %q", text)
		}
	})
}

// TestCacheTimeoutInWords: the dashboard's bound per request reads as the
// client's own timeouts do.
func TestCacheTimeoutInWords(t *testing.T) {
	base := standIn(t, func(net.Conn) {})
	c, err := client.New(base, "k", client.WithRetries(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	cache := client.NewCache(c, client.CacheOptions{})
	ctx := client.WithRequestTimeout(context.Background(), 30*time.Millisecond)
	_, err = cache.Segments(ctx, time.Minute, nil)
	if err == nil || !strings.Contains(err.Error(), "timed out after 30 ms") || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
}

func TestTimedOutTextNamesTheBound(t *testing.T) {
	for d, want := range map[time.Duration]string{
		10 * time.Second:        "timed out after 10 s",
		1500 * time.Millisecond: "timed out after 1.5 s",
		250 * time.Millisecond:  "timed out after 250 ms",
		2 * time.Minute:         "timed out after 2 min",
		0:                       "timed out",
	} {
		if got := client.TimedOutText(d); got != want {
			t.Errorf("TimedOutText(%v) = %q, want %q", d, got, want)
		}
	}
}
