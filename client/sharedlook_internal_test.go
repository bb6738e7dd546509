package client

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// TestFetchSharedServesAnAnswerStoredSinceTheLook: a caller that found
// its answer too old and then starts a fetch, after another fetch of the
// same key has ended and stored a newer answer, takes that answer and
// sends no request; with nothing newer stored, it fetches.
func TestFetchSharedServesAnAnswerStoredSinceTheLook(t *testing.T) {
	now := time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)
	cl, err := New("https://rest.iad-01.braze.com", "key", WithHTTPClient(&http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		t.Fatal("a request was sent")
		return nil, nil
	})}))
	if err != nil {
		t.Fatal(err)
	}
	c := NewCache(cl, CacheOptions{Now: func() time.Time { return now }})
	k := SeriesKey{SegmentID: "a", Length: 30}
	c.series.put(k, &Series{SegmentID: "old"}, now, time.Hour)
	now = now.Add(97 * time.Second)
	_, seen, ok := remembered(c, c.series, k, 96*time.Second, time.Time{})
	if ok {
		t.Fatal("an answer older than maxAge served")
	}
	// Another session's fetch ends meanwhile.
	c.series.put(k, &Series{SegmentID: "new"}, now, time.Hour)
	fetches := 0
	fetch := func(context.Context) (*Series, error) { fetches++; return &Series{SegmentID: "fetched"}, nil }
	s, err := fetchShared(c, context.Background(), c.series, &c.seriesFlight, k, 96*time.Second, time.Hour, seen, fetch)
	if err != nil || s.SegmentID != "new" || fetches != 0 {
		t.Errorf("got %v, %v after %d fetches; want the answer stored since the look, no fetch", s, err, fetches)
	}
	// Nothing newer than the look: the fetch goes.
	s, err = fetchShared(c, context.Background(), c.series, &c.seriesFlight, k, 96*time.Second, time.Hour, now, fetch)
	if err != nil || s.SegmentID != "fetched" || fetches != 1 {
		t.Errorf("got %v, %v after %d fetches; want one fetch", s, err, fetches)
	}
}
