package monitor_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/clienttest"
	"github.com/segdash/segdash/client/monitor"
)

// rateLimitedScan scans a 40-segment workspace whose key may send 6
// requests an hour, so that most segments meet many 429s in a row, each
// answered with the hour's reset.
func rateLimitedScan(t *testing.T, ctx context.Context) (*monitor.Report, time.Duration, int) {
	ws := brazetest.NewWorkspace(3, 40)
	api := brazetest.NewHandler(brazetest.Options{Workspace: ws, RateLimit: 6})
	cache := clienttest.NewCache(t, api, client.CacheOptions{MaxInFlight: 4})
	segs, err := cache.Segments(ctx, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	tracked := 0
	for _, s := range segs {
		if s.AnalyticsTrackingEnabled {
			tracked++
		}
	}
	start := time.Now()
	rep := monitor.Scan(ctx, cache, segs, monitor.ScanOptions{Concurrency: 4}, nil)
	return rep, time.Since(start), tracked
}

// TestScanWaitsOutRateLimits: a 429 is waited out until the limit resets,
// however many come in a row: every tracked segment is scanned, none
// given up, over the hours the budget needs.
func TestScanWaitsOutRateLimits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rep, took, tracked := rateLimitedScan(t, context.Background())
		if rep.Failed != 0 || rep.Cancelled || rep.Done != rep.Total {
			for _, r := range rep.Results {
				if r.Err != nil {
					t.Fatalf("%s given up: %v", r.Segment.Name, r.Err)
				}
			}
			t.Fatalf("report %+v", rep.Progress)
		}
		if hours := (tracked + 1 + 5) / 6; took < time.Duration(hours-1)*time.Hour {
			t.Errorf("%d tracked segments at 6 requests an hour took %v", tracked, took)
		}
	})
}

// TestRateLimitWaitIsNoSlowAnswer: with each request bounded, as `segdash
// scan` bounds them (30 s), the hours waited for the limit to reset do not
// count against the bound: no segment fails as timed out.
func TestRateLimitWaitIsNoSlowAnswer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rep, _, _ := rateLimitedScan(t, client.WithRequestTimeout(context.Background(), 30*time.Second))
		for _, r := range rep.Results {
			if r.Err != nil {
				t.Fatalf("%s given up: %v", r.Segment.Name, r.Err)
			}
		}
		if rep.Failed != 0 || rep.Done != rep.Total {
			t.Fatalf("report %+v", rep.Progress)
		}
	})
}

// TestScanRateLimitWaitEndsWithTheDeadline: the command's deadline is the
// only bound on the wait: when it passes, the scan stops and says which
// segments it did not reach.
func TestScanRateLimitWaitEndsWithTheDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Minute)
		defer cancel()
		rep, took, _ := rateLimitedScan(t, ctx)
		if took > 90*time.Minute+time.Second {
			t.Errorf("the scan ran %v past a 90-minute deadline", took)
		}
		if !rep.Cancelled || rep.Missing() == 0 || rep.Done == 0 {
			t.Errorf("report %+v cancelled %v: want some scanned, the rest missing", rep.Progress, rep.Cancelled)
		}
	})
}
