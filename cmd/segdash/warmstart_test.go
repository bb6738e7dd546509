package main

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui"
)

// BenchmarkTimeToFirstChart measures a warm start: load the snapshot of a
// 10,000-segment workspace from disk, build the dashboard and draw its
// first frame, with the stand-in API answering only after 500 ms. Target:
// under 100 ms, i.e. not waiting for the network.
func BenchmarkTimeToFirstChart(b *testing.B) {
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(42, 10000),
		Now: func() time.Time { return testNow }})
	srv := httptest.NewServer(api)
	defer srv.Close()
	c, err := client.New(srv.URL, brazetest.DemoKey)
	if err != nil {
		b.Fatal(err)
	}
	cache := client.NewCache(c, client.CacheOptions{})
	ctx := context.Background()
	// A first run fills the snapshot.
	segs, err := cache.Segments(ctx, 0, nil)
	if err != nil {
		b.Fatal(err)
	}
	snap := &snapshot.Snapshot{Segments: segs, ListedAt: testNow}
	for _, s := range segs[:50] {
		k := client.SeriesKey{SegmentID: s.ID, Length: 30}
		series, err := cache.DataSeries(ctx, k, 0)
		if err != nil {
			b.Fatal(err)
		}
		snap.Series = append(snap.Series, snapshot.Series{SegmentID: s.ID, Length: 30, Fetched: testNow, Points: series.Points})
	}
	store := snapshot.NewStore(b.TempDir(), srv.URL, brazetest.DemoKey, nil)
	if err := store.Save(snap); err != nil {
		b.Fatal(err)
	}
	api.SetFault(brazetest.Fault{Latency: 500 * time.Millisecond}) // from now on, the network is slow
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		loaded, err := store.Load()
		if err != nil || loaded == nil {
			b.Fatal(err)
		}
		m := ui.New(ui.Options{Cache: cache, Snapshot: loaded, Theme: "dark", Length: 30,
			Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
		m.Init() // starts the refresh; its answers come 500 ms later and are not awaited
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if v := m.View(); !strings.Contains(v.Content, "latest") {
			b.Fatal("no chart in the first frame")
		}
	}
}
