package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// TestWindowFollowsTheAPIsDay: when the API's clock is on another day than
// ours (past midnight before us, behind us, or a stand-in whose days run
// faster), a window up to now of any length ends with the API's newest
// day, one point a day with no gap: a long window does not show the old
// data of its chunks planned from our clock while a short one shows today.
func TestWindowFollowsTheAPIsDay(t *testing.T) {
	for _, skew := range []time.Duration{10 * time.Hour, -15 * time.Hour, 300 * 24 * time.Hour} {
		apiNow := fixedNow.Add(skew)
		e := newEnv(t, brazetest.Options{Now: func() time.Time { return apiNow }})
		spec := firstTracked(e.api.Workspace())
		cache := e.cache(client.CacheOptions{})
		ctx := context.Background()
		apiYesterday := client.DateOf(apiNow).AddDays(-1)
		for _, length := range []int{30, 101, 200, 365} {
			s, err := cache.Window(ctx, spec.ID, length, time.Time{}, 0)
			if err != nil {
				t.Fatalf("skew %v, %d days: %v", skew, length, err)
			}
			if len(s.Points) != length {
				t.Fatalf("skew %v, %d days: %d points", skew, length, len(s.Points))
			}
			for i, p := range s.Points {
				if want := apiYesterday.AddDays(i + 1 - length); p.Day != want {
					t.Fatalf("skew %v, %d days: point %d is %s, want %s", skew, length, i, p.Day, want)
				}
				if want := spec.SizeOn(p.Day); p.Size != want {
					t.Fatalf("skew %v, %d days: %s has size %d, want %d", skew, length, p.Day, p.Size, want)
				}
			}
			// What the cache holds builds the same window without a request.
			if peek, _, ok := cache.PeekWindow(spec.ID, length, time.Time{}); !ok || peek.Points[len(peek.Points)-1].Day != apiYesterday {
				t.Fatalf("skew %v, %d days: PeekWindow ok %v", skew, length, ok)
			}
		}
	}
}
