package sshserve

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/ui"
)

// TestSessionRequestsBoundEachSession: a session's dashboard asks the
// shared cache within its own share of the budget; past it, its requests
// are refused before they go out, while another session still gets its
// own share.
func TestSessionRequestsBoundEachSession(t *testing.T) {
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(3, 8)})
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	c, err := client.New(srv.URL, brazetest.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	// Each fetch may wait 1 s for the budget: far less than the 5 min a
	// token takes at 12 an hour, so the second request is refused at once.
	cache := client.NewCache(c, client.CacheOptions{Timeout: time.Second})
	sessions := make(chan context.Context, 2)
	e := startServer(t, func(cfg *Config) {
		cfg.SessionRequests = SessionBurst // a burst of one
		cfg.Workspaces[0].Dashboard.Cache = cache
		cfg.Model = func(o ui.Options) tea.Model { sessions <- o.Context; return frameModel{} }
	})
	segs := api.Workspace().Listed()
	ask := func(ctx context.Context, i int) error {
		_, err := cache.DataSeries(ctx, client.SeriesKey{SegmentID: segs[i].ID, Length: 7}, 0)
		return err
	}
	var ctxs []context.Context
	for range 2 {
		cl, s, _ := e.ptySession(t)
		defer cl.Close()
		defer s.Close()
		ctxs = append(ctxs, <-sessions)
	}
	if err := ask(ctxs[0], 0); err != nil {
		t.Fatalf("the first request of a session: %v", err)
	}
	sent := api.Requests("")
	if err := ask(ctxs[0], 1); !errors.Is(err, client.ErrRateLimited) {
		t.Fatalf("past the session's share: %v, want a rate-limit error", err)
	}
	if api.Requests("") != sent {
		t.Error("a request past the session's share went out")
	}
	if err := ask(ctxs[1], 1); err != nil {
		t.Errorf("another session: %v", err)
	}
}
