package client_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/clienttest"
)

func TestErrorMapping(t *testing.T) {
	seg := brazetest.NewWorkspace(1, 250).Segments[0].ID
	cases := []struct {
		name  string
		fault brazetest.Fault
		kind  error
		want  []string
		tries int64 // requests sent: 3 where the client retries (5xx, a proxy page), else 1
	}{
		{"400", brazetest.Fault{Status: 400, Message: "canvas_id must be a string"}, client.ErrBadRequest, []string{"HTTP 400", "canvas_id must be a string", "/segments/data_series"}, 1},
		{"403", brazetest.Fault{Status: 403}, client.ErrForbidden, []string{"segments.data_series"}, 1},
		{"404", brazetest.Fault{Status: 404}, client.ErrNotFound, []string{"HTTP 404"}, 1},
		{"500", brazetest.Fault{Status: 500}, client.ErrServer, []string{"HTTP 500"}, 3},
		{"503", brazetest.Fault{Status: 503}, client.ErrServer, []string{"HTTP 503"}, 3},
		{"malformed", brazetest.Fault{Body: brazetest.BodyMalformed}, client.ErrDecode, []string{"malformed JSON"}, 1},
		{"truncated", brazetest.Fault{Body: brazetest.BodyTruncated}, client.ErrDecode, []string{"JSON"}, 1},
		{"html", brazetest.Fault{Body: brazetest.BodyHTML}, client.ErrServer, []string{"HTML page"}, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, brazetest.Options{}, client.WithRetries(2, time.Second))
			e.api.SetFault(tc.fault)
			_, _, err := e.c.DataSeries(context.Background(), seg, 5, time.Time{})
			if !errors.Is(err, tc.kind) {
				t.Fatalf("err = %v, want kind %v", err, tc.kind)
			}
			var ce *client.Error
			if !errors.As(err, &ce) || ce.Endpoint != "/segments/data_series" {
				t.Fatalf("not a *client.Error naming the endpoint: %#v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q does not mention %q", err, w)
				}
			}
			if got := e.api.Requests("data_series"); got != tc.tries {
				t.Errorf("%d requests, want %d", got, tc.tries)
			}
		})
	}
}

func TestUnauthorizedNeverShowsKey(t *testing.T) {
	e := newEnv(t, brazetest.Options{Keys: map[string][]string{"the-right-key": brazetest.AllPermissions()}})
	c, err := client.New(e.srv.URL+"/api", "wrong-key-12345")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = c.DataSeries(context.Background(), "x", 5, time.Time{})
	if !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("err = %v", err)
	}
	// The stand-in echoes the key in its message as Braze does.
	if strings.Contains(err.Error(), "wrong-key-12345") {
		t.Errorf("key leaked: %v", err)
	}
	if !strings.Contains(err.Error(), "[redacted]") || !strings.Contains(err.Error(), "instance") {
		t.Errorf("message lacks redaction or the instance hint: %v", err)
	}
	if c.Rate().Known {
		t.Errorf("empty rate-limit headers on 401 read as %+v", c.Rate())
	}
}

func TestForbiddenPerPermission(t *testing.T) {
	e := newEnv(t, brazetest.Options{Keys: map[string][]string{"list-only": {"segments.list"}}})
	if _, _, err := e.c.ListSegments(context.Background(), 0, ""); err != nil {
		t.Fatalf("list: %v", err)
	}
	_, _, err := e.c.SegmentDetails(context.Background(), "x")
	if !errors.Is(err, client.ErrForbidden) || !strings.Contains(err.Error(), "segments.details") {
		t.Errorf("details: %v", err)
	}
}

func TestRetryServerErrorsThenSuccess(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			w.WriteHeader(502)
			return
		}
		w.Write([]byte(`{"message":"success","data":[]}`))
	}))
	defer srv.Close()
	clock := clienttest.NewClock(fixedNow)
	c, _ := client.New(srv.URL, "k", client.WithSleep(clock.Sleep), client.WithRetries(3, 100*time.Millisecond))
	if _, _, err := c.DataSeries(context.Background(), "x", 1, time.Time{}); err != nil {
		t.Fatal(err)
	}
	sl := clock.Sleeps()
	if len(sl) != 2 {
		t.Fatalf("sleeps = %v, want 2", sl)
	}
	// Exponential with up to +50% jitter.
	if sl[0] < 100*time.Millisecond || sl[0] > 150*time.Millisecond || sl[1] < 200*time.Millisecond || sl[1] > 300*time.Millisecond {
		t.Errorf("backoff = %v, want ~100ms then ~200ms", sl)
	}
}

func TestRetryTransportError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens: connection refused
	clock := clienttest.NewClock(fixedNow)
	c, _ := client.New("http://"+addr, "k", client.WithSleep(clock.Sleep), client.WithRetries(2, time.Millisecond))
	_, _, err = c.ListSegments(context.Background(), 0, "")
	if !errors.Is(err, client.ErrTransport) || len(clock.Sleeps()) != 2 {
		t.Errorf("err = %v after %d sleeps", err, len(clock.Sleeps()))
	}
}

func TestRateLimitWaitsForReset(t *testing.T) {
	e := newEnv(t, brazetest.Options{}, client.WithMaxRateWait(time.Hour))
	e.api.SetRemaining(brazetest.DemoKey, 0)
	seg := e.api.Workspace().Segments[0].ID
	if _, _, err := e.c.DataSeries(context.Background(), seg, 3, time.Time{}); err != nil {
		t.Fatalf("after waiting for the reset: %v", err)
	}
	sl := e.clock.Sleeps()
	if len(sl) != 1 || sl[0] != 30*time.Minute {
		t.Errorf("sleeps = %v, want one of 30m (until the top of the hour)", sl)
	}
}

func TestRateLimitCapReturnsErrorThenFailsFast(t *testing.T) {
	e := newEnv(t, brazetest.Options{}) // default cap: 5s, far below 30m
	e.api.SetRemaining(brazetest.DemoKey, 1)
	seg := e.api.Workspace().Segments[0].ID
	if _, _, err := e.c.DataSeries(context.Background(), seg, 3, time.Time{}); err != nil {
		t.Fatal(err) // uses the last request; the answer says Remaining: 0
	}
	before := e.api.Requests("")
	_, _, err := e.c.DataSeries(context.Background(), seg, 3, time.Time{})
	var ce *client.Error
	if !errors.As(err, &ce) || ce.Kind != client.ErrRateLimited {
		t.Fatalf("err = %v", err)
	}
	if want := fixedNow.Truncate(time.Hour).Add(time.Hour); !ce.Reset.Equal(want) {
		t.Errorf("reset = %v, want %v", ce.Reset, want)
	}
	if e.api.Requests("") != before {
		t.Errorf("a request was sent while the limit was exhausted")
	}
	// After the reset, calls go out again.
	e.clock.Advance(31 * time.Minute)
	if _, _, err := e.c.DataSeries(context.Background(), seg, 3, time.Time{}); err != nil {
		t.Errorf("after reset: %v", err)
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(429)
			return
		}
		w.Write([]byte(`{"message":"success","data":[]}`))
	}))
	defer srv.Close()
	clock := clienttest.NewClock(fixedNow)
	c, _ := client.New(srv.URL, "k", client.WithSleep(clock.Sleep), client.WithClock(clock.Now))
	if _, _, err := c.DataSeries(context.Background(), "x", 1, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if sl := clock.Sleeps(); len(sl) != 1 || sl[0] != 2*time.Second {
		t.Errorf("sleeps = %v, want [2s]", sl)
	}
}

func TestContextCancellationWins(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	e.api.SetFault(brazetest.Fault{Latency: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, _, err := e.c.ListSegments(ctx, 0, "")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("cancellation took %v", time.Since(start))
	}
}

func TestRequestTimeout(t *testing.T) {
	e := newEnv(t, brazetest.Options{}, client.WithTimeout(30*time.Millisecond), client.WithRetries(0, 0))
	e.api.SetFault(brazetest.Fault{Latency: 3 * time.Second})
	_, _, err := e.c.ListSegments(context.Background(), 0, "")
	if !errors.Is(err, client.ErrTransport) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
}

func TestBodyOverCap(t *testing.T) {
	e := newEnv(t, brazetest.Options{}, client.WithMaxBody(1000))
	_, _, err := e.c.ListSegments(context.Background(), 0, "")
	if !errors.Is(err, client.ErrDecode) || !strings.Contains(err.Error(), "larger than 1000") {
		t.Errorf("err = %v", err)
	}
}

func TestSlowBodyStillDecodes(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	e.api.SetFault(brazetest.Fault{Body: brazetest.BodySlow, Latency: 50 * time.Millisecond})
	if _, _, err := e.c.ListSegments(context.Background(), 0, ""); err != nil {
		t.Errorf("slow body: %v", err)
	}
}

func TestSuccessWithWarnings(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", "Wed, 14 Dec 2022 10:00:00 GMT") // the API's day: 2022-12-13 is its newest
		fmt.Fprint(w, `{"message":"success","errors":["minor thing"],"data":[{"time":"2022-12-13","size":1}]}`)
	}))
	defer srv.Close()
	c, _ := client.New(srv.URL, "k")
	s, _, err := c.DataSeries(context.Background(), "x", 1, time.Time{})
	if err != nil || len(s.Warnings) != 1 || s.Warnings[0] != "minor thing" {
		t.Errorf("series = %+v, %v", s, err)
	}
}

// FuzzDecodeSeries feeds arbitrary bodies to the decoder: it must never
// panic, and anything it refuses is a decode error.
func FuzzDecodeSeries(f *testing.F) {
	for _, s := range []string{`{"message":"success","data":[{"time":"2022-12-13","size":0}]}`,
		`{"data":null}`, `{"data":[{"time":5}]}`, `<html>`, `{"data":[{"time":"2022-12-13","size":1e99}]}`, `[]`, ``} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		hc := &http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: ioNopCloser(body), Request: r}, nil
		})}
		c, _ := client.New("https://rest.iad-01.braze.com", "k", client.WithHTTPClient(hc), client.WithRetries(0, 0))
		s, _, err := c.DataSeries(context.Background(), "x", 3, time.Time{})
		if err != nil && !errors.Is(err, client.ErrDecode) {
			t.Fatalf("err %v is not a decode error", err)
		}
		if err == nil && s == nil {
			t.Fatal("nil series without error")
		}
	})
}
