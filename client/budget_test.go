package client_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// countedBudget lets left requests through, then refuses.
type countedBudget struct{ left, asked atomic.Int64 }

func (b *countedBudget) Wait(context.Context) error {
	b.asked.Add(1)
	if b.left.Add(-1) < 0 {
		return errors.New("would wait past the deadline")
	}
	return nil
}

// TestRequestBudgetBoundsOneCaller: a caller's requests spend its budget;
// answers from memory do not; over it, the caller gets a rate-limit error
// of its own and no request goes out, while another caller without that
// budget is served.
func TestRequestBudgetBoundsOneCaller(t *testing.T) {
	e := newEnv(t, brazetest.Options{Workspace: brazetest.NewWorkspace(7, 5)})
	cache := e.cache(client.CacheOptions{})
	segs := e.api.Workspace().Listed()
	b := &countedBudget{}
	b.left.Store(2)
	ctx := client.WithRequestBudget(context.Background(), b)
	key := func(i int) client.SeriesKey {
		return client.SeriesKey{SegmentID: segs[i].ID, Length: 7, EndingAt: fixedNow}
	}
	for _, i := range []int{0, 1, 0, 1} {
		if _, err := cache.DataSeries(ctx, key(i), 0); err != nil {
			t.Fatalf("series %d within the budget: %v", i, err)
		}
	}
	if n := b.asked.Load(); n != 2 {
		t.Errorf("the budget was asked %d times for 2 requests and 2 answers from memory", n)
	}
	sent := e.api.Requests("")
	_, err := cache.DataSeries(ctx, key(2), 0)
	var ce *client.Error
	if !errors.As(err, &ce) || !errors.Is(err, client.ErrRateLimited) || ce.Endpoint != "session" {
		t.Fatalf("over the budget: %v, want the session's rate-limit error", err)
	}
	if n := e.api.Requests(""); n != sent {
		t.Errorf("a request went out over the budget")
	}
	if _, err := cache.DataSeries(context.Background(), key(2), 0); err != nil {
		t.Errorf("another caller: %v", err)
	}
	if _, err := cache.DataSeries(ctx, key(2), time.Hour); err != nil {
		t.Errorf("the capped caller, answered from memory: %v", err)
	}
}
