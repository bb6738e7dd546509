package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// TestWindowCostCountsWhatWouldBeSent: the cost said beforehand is the
// requests Window then sends, for a year and for 30 days, cold, warm and
// once the TTL has passed.
func TestWindowCostCountsWhatWouldBeSent(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	seg := firstTracked(e.api.Workspace()).ID
	cache := e.cache(client.CacheOptions{TTL: time.Minute})
	for _, step := range []struct {
		advance time.Duration
		length  int
	}{{0, 365}, {0, 365}, {2 * time.Minute, 365}, {0, 30}, {0, 30}, {2 * time.Minute, 30}} {
		e.clock.Advance(step.advance)
		cost := cache.WindowCost(seg, step.length, time.Time{}, 0)
		before := e.api.SeriesRequests(seg)
		if _, err := cache.Window(context.Background(), seg, step.length, time.Time{}, 0); err != nil {
			t.Fatal(err)
		}
		if sent := e.api.SeriesRequests(seg) - before; sent != int64(cost) {
			t.Errorf("%d days after %v: cost %d, sent %d", step.length, step.advance, cost, sent)
		}
	}
	if cache.WindowCost(seg, 400, time.Time{}, 0) != 0 {
		t.Error("a window Braze cannot answer has a cost")
	}
}
