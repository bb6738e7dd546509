package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
)

// fuzzKey is the key of the fuzzed clients; no run of 6 of its characters
// may reach an error message.
const fuzzKey = "fuzz-key-0123456789"

// bodyClient is a client whose every answer is status and body.
func bodyClient(status int, body string) *client.Client {
	hc := &http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: status, Header: http.Header{}, Body: ioNopCloser(body), Request: r}, nil
	})}
	c, _ := client.New("https://rest.iad-01.braze.com", fuzzKey, client.WithHTTPClient(hc), client.WithRetries(0, 0))
	return c
}

// FuzzDecodeList: a list body never panics the decoder, and what it
// refuses is a decode error.
func FuzzDecodeList(f *testing.F) {
	for _, s := range []string{`{"message":"success","segments":[{"id":"a","name":"A","tags":[null,"x"]}]}`,
		`{"segments":null}`, `{"segments":[{"id":5}]}`, `{"segments":[{"tags":{}}]}`, `[]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		segs, _, err := bodyClient(200, body).ListSegments(context.Background(), 0, "")
		if err != nil && !errors.Is(err, client.ErrDecode) {
			t.Fatalf("err %v is not a decode error", err)
		}
		for _, s := range segs {
			for _, tag := range s.Tags {
				if tag == "" {
					t.Fatal("an empty tag kept")
				}
			}
		}
	})
}

// FuzzDecodeDetails: a details body never panics the decoder.
func FuzzDecodeDetails(f *testing.F) {
	for _, s := range []string{`{"message":"success","name":"A","created_at":"2022-11-29T14:59:02+00:00","tags":[null]}`,
		`{"created_at":"2022-11-29T14:59:02-5:00"}`, `{"created_at":5}`, `{"teams":"x"}`, `null`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d, _, err := bodyClient(200, body).SegmentDetails(context.Background(), "x")
		if err != nil && !errors.Is(err, client.ErrDecode) {
			t.Fatalf("err %v is not a decode error", err)
		}
		if err == nil && d == nil {
			t.Fatal("nil details without error")
		}
	})
}

// FuzzErrorBody: any error answer becomes a *client.Error naming the
// endpoint, and no part of the key survives in its text.
func FuzzErrorBody(f *testing.F) {
	f.Add(401, `{"message":"Invalid API key: fuzz-key-"}`)
	f.Add(400, `{"message":"x","errors":["0123456789"]}`)
	f.Add(503, `<html>busy</html>`)
	f.Add(429, `{"message":5}`)
	f.Fuzz(func(t *testing.T, status int, body string) {
		if status < 400 || status > 599 {
			return
		}
		_, _, err := bodyClient(status, body).DataSeries(context.Background(), "x", 1, time.Time{})
		var ce *client.Error
		if !errors.As(err, &ce) || ce.Endpoint != "/segments/data_series" {
			t.Fatalf("err %#v is not a *client.Error for the endpoint", err)
		}
		msg := err.Error()
		for i := 0; i+6 <= len(fuzzKey); i++ {
			if strings.Contains(msg, fuzzKey[i:i+6]) {
				t.Fatalf("%q holds %q of the key", msg, fuzzKey[i:i+6])
			}
		}
	})
}

// FuzzPaging: whatever the pages hold (sizes, repeated ids), a listing
// ends, asks for each page once, sends at most 7 pages (8 in flight, less
// one) past the first short one, and lists each id once.
// Each byte of pages describes one page: its size (low 7 bits, capped at
// a full page) and whether its ids repeat the previous page's (high bit).
func FuzzPaging(f *testing.F) {
	f.Add([]byte{100, 100, 3})
	f.Add([]byte{100, 0x80 | 100, 100})
	f.Add([]byte{0})
	f.Add([]byte{100, 100, 100, 100})
	f.Fuzz(func(t *testing.T, pages []byte) {
		if len(pages) > 20 {
			return
		}
		var (
			mu       sync.Mutex
			requests []int
		)
		hc := &http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
			var p int
			fmt.Sscan(r.URL.Query().Get("page"), &p)
			mu.Lock()
			requests = append(requests, p)
			mu.Unlock()
			size, base := 0, p
			if p < len(pages) {
				size = min(int(pages[p]&0x7f), client.PageSize)
				if pages[p]&0x80 != 0 && p > 0 {
					base = p - 1
				}
			} // past the described pages: empty ones, as past a list's end
			ids := make([]string, size)
			for i := range ids {
				ids[i] = fmt.Sprintf(`{"id":"%d-%d"}`, base, i)
			}
			body := `{"message":"success","segments":[` + strings.Join(ids, ",") + `]}`
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: ioNopCloser(body), Request: r}, nil
		})}
		c, _ := client.New("https://rest.iad-01.braze.com", "k", client.WithHTTPClient(hc), client.WithMaxPages(30))
		segs, err := c.AllSegments(context.Background(), nil)
		if len(requests) > 30 {
			t.Fatalf("%d requests for a bound of 30 pages", len(requests))
		}
		short := slices.IndexFunc(pages, func(b byte) bool { return b&0x7f < client.PageSize })
		asked, past := map[int]bool{}, 0
		for _, p := range requests {
			if asked[p] {
				t.Fatalf("requests %v: page %d asked twice", requests, p)
			}
			asked[p] = true
			if short >= 0 && p > short {
				past++
			}
		}
		if past > 7 {
			t.Fatalf("requests %v: %d pages past the short page %d", requests, past, short)
		}
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, s := range segs {
			if seen[s.ID] {
				t.Fatalf("%s listed twice", s.ID)
			}
			seen[s.ID] = true
		}
	})
}
