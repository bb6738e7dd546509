package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// TestRememberedChunksNeedNoRequest: the closed chunks of a year, kept by
// the last run and remembered at start, leave only the newest chunk to ask.
func TestRememberedChunksNeedNoRequest(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	seg := firstTracked(e.api.Workspace()).ID
	first := e.cache(client.CacheOptions{})
	if _, err := first.Window(context.Background(), seg, 365, time.Time{}, 0); err != nil {
		t.Fatal(err)
	}
	chunks := first.ClosedChunks(seg)
	if len(chunks) < 3 {
		t.Fatalf("%d closed chunks after a year", len(chunks))
	}
	// The next start: a new cache that remembers them.
	e.clock.Advance(time.Hour)
	next := e.cache(client.CacheOptions{})
	for _, r := range chunks {
		next.Remember(r.Key, r.Series, r.Fetched)
	}
	before := e.api.SeriesRequests(seg)
	s, err := next.Window(context.Background(), seg, 365, time.Time{}, 0)
	if err != nil || len(s.Points) != 365 {
		t.Fatalf("window after remembering: %v, %d points", err, len(s.Points))
	}
	if got := e.api.SeriesRequests(seg) - before; got != 1 {
		t.Errorf("a year after a restart cost %d requests, want 1 (the newest chunk)", got)
	}
	if len(next.ClosedChunks("other")) != 0 {
		t.Error("chunks of another segment")
	}
}
