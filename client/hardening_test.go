package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/clienttest"
)

// serve answers every request with handler, on loopback.
func serve(t *testing.T, handler http.HandlerFunc) *httptest.Server {
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv
}

func TestRedirectIsRefusedAndKeyStays(t *testing.T) {
	const key = "secret-key-0123456789"
	var leaked atomic.Int32
	elsewhere := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		fmt.Fprint(w, `{"message":"success","data":[]}`)
	})
	var asked atomic.Int32
	origin := serve(t, func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		// Same host, another port: Go's client would forward the key.
		http.Redirect(w, r, elsewhere.URL+r.URL.Path, http.StatusFound)
	})
	clock := clienttest.NewClock(fixedNow)
	c, _ := client.New(origin.URL, key, client.WithSleep(clock.Sleep))
	_, _, err := c.DataSeries(context.Background(), "x", 1, time.Time{})
	if !errors.Is(err, client.ErrRedirect) || !strings.Contains(err.Error(), "never redirects") {
		t.Errorf("err = %v, want a refused redirect", err)
	}
	if leaked.Load() != 0 {
		t.Error("the API key followed the redirect")
	}
	if asked.Load() != 1 {
		t.Errorf("%d requests, want 1 (a redirect is not retried)", asked.Load())
	}
}

// seriesBody answers data_series with the given points JSON.
func seriesClient(t *testing.T, data string) *client.Client {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		// No Date header: a server without a clock, whose days are
		// checked only against one another.
		w.Header()["Date"] = nil
		fmt.Fprintf(w, `{"message":"success","data":[%s]}`, data)
	})
	// A key of a realistic length: a one-letter key is redacted from
	// every word that holds the letter.
	c, _ := client.New(srv.URL, "acc-key-0123456789abcdef", client.WithRetries(0, 0))
	return c
}

func TestSeriesValidated(t *testing.T) {
	cases := []struct {
		name   string
		data   string
		length int
		want   string // in the error; "" for success
	}{
		{"negative", `{"time":"2022-12-13","size":1},{"time":"2022-12-14","size":-5}`, 3, "data[1].size: -5 is negative"},
		{"implausible", `{"time":"2022-12-13","size":5000000000000000000}`, 3, "data[0].size: 5000000000000000000 is implausible"},
		{"more than asked", strings.Repeat(`{"time":"2022-12-13","size":1},`, 4) + `{"time":"2022-12-13","size":1}`, 3, "5 points for a series of length 3"},
		{"unordered, repeated", `{"time":"2022-12-15","size":3},{"time":"2022-12-14","size":2},{"time":"2022-12-13","size":1},{"time":"2022-12-15","size":3}`, 4, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := seriesClient(t, tc.data).DataSeries(context.Background(), "x", tc.length, time.Time{})
			if tc.want != "" {
				if !errors.Is(err, client.ErrDecode) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("err = %v, want a decode error saying %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprint(s.Points)
			if got != "[{2022-12-13 1} {2022-12-14 2} {2022-12-15 3}]" || s.Duplicates != 1 {
				t.Errorf("points %s, %d duplicates; want sorted, a day repeated with the same size kept once, 1 dropped", got, s.Duplicates)
			}
			if latest, _ := s.Latest(); latest.Size != 3 {
				t.Errorf("latest = %v, want the newest day", latest)
			}
		})
	}
}

func TestRateHeadersFromTheFuture(t *testing.T) {
	var n atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1: // budget used up until the year 2286
			w.Header().Set("X-RateLimit-Limit", "10")
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.Header().Set("X-RateLimit-Reset", "9999999999")
		case 2: // a Retry-After that overflows a Duration
			w.Header().Set("Retry-After", "9300000000")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, `{"message":"success","data":[]}`)
	})
	clock := clienttest.NewClock(fixedNow)
	c, _ := client.New(srv.URL, "k", client.WithClock(clock.Now), client.WithSleep(clock.Sleep),
		client.WithMaxRateWait(2*time.Hour))
	for i := 0; i < 2; i++ {
		if _, _, err := c.DataSeries(context.Background(), "x", 1, time.Time{}); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if r := c.Rate(); r.Reset.After(fixedNow.Add(time.Hour)) {
		t.Errorf("reset %v is beyond one hourly window", r.Reset)
	}
	// The second call waited out the (clamped) reset, then the (clamped)
	// Retry-After: an hour each, never negative, never for life.
	if sl := clock.Sleeps(); fmt.Sprint(sl) != "[1h0m0s 1h0m0s]" {
		t.Errorf("sleeps = %v, want [1h 1h]", sl)
	}
}

func TestListingThatNeverEnds(t *testing.T) {
	cases := []struct {
		name     string
		page     func(page int) string // the ids of a full page
		want     string
		requests int32
	}{
		{"new ids forever", func(p int) string { return fmt.Sprintf("p%d-", p) }, "goes on past 5,000 segments (50 pages): stopped", 50},
		// Up to 2×8 pages run ahead of the page that repeats.
		{"the same page forever", func(int) string { return "same-" }, "page 1 repeats", 17},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var n atomic.Int32
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				var p int
				fmt.Sscan(r.URL.Query().Get("page"), &p)
				segs := make([]string, client.PageSize)
				for i := range segs {
					segs[i] = fmt.Sprintf(`{"id":"%s%d","name":"n"}`, tc.page(p), i)
				}
				fmt.Fprintf(w, `{"message":"success","segments":[%s]}`, strings.Join(segs, ","))
			})
			c, _ := client.New(srv.URL, "k", client.WithMaxPages(50))
			_, err := c.AllSegments(context.Background(), nil)
			if !errors.Is(err, client.ErrDecode) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
			if n.Load() > tc.requests {
				t.Errorf("%d requests, want at most %d", n.Load(), tc.requests)
			}
		})
	}
}

func TestKeyPartsRedacted(t *testing.T) {
	const key = "acc-key-0123456789abcdef"
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"message":"Invalid API key: acc-key-","errors":["key 456789abcd unknown","short acc-k is fine"]}`)
	})
	c, _ := client.New(srv.URL, key)
	_, _, err := c.DataSeries(context.Background(), "x", 1, time.Time{})
	msg := err.Error()
	for _, part := range []string{"acc-key-", "456789abcd"} {
		if strings.Contains(msg, part) {
			t.Errorf("%q shows part of the key: %q", msg, part)
		}
	}
	if !strings.Contains(msg, "Invalid API key: [redacted]") || !strings.Contains(msg, "short acc-k is fine") {
		t.Errorf("%q: want the runs redacted and the rest kept", msg)
	}
}
