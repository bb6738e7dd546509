package brazetest_test

import (
	"context"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/monitor"
)

// TestDemoShowsAnIncident: the demo's workspace (seed 42, 300 segments)
// with its breaks and incident planted on the newest day: a scan flags the
// four lone breaks and the incident's segments, and groups the incident's
// segments (all carrying its tag, all falling) into one incident, while the
// lone breaks stay lone alerts; at any day the clock reaches.
func TestDemoShowsAnIncident(t *testing.T) {
	start := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	ws := brazetest.NewWorkspace(42, 300)
	falls, jumps := ws.PlantRollingBreaks(client.DateOf(start).AddDays(-1))
	tag, members := ws.PlantRollingIncident(client.DateOf(start).AddDays(-1))
	if tag == "" || len(members) != brazetest.IncidentSize {
		t.Fatalf("no incident planted: %q %v", tag, members)
	}
	for _, id := range members {
		if slices.Contains(falls, id) || slices.Contains(jumps, id) {
			t.Errorf("%s is both a lone break and in the incident", id)
		}
	}
	clock := start
	api := brazetest.NewHandler(brazetest.Options{Workspace: ws, Now: func() time.Time { return clock }, Drift: 10 * time.Second})
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	c, err := client.New(srv.URL, brazetest.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, days := range []int{0, 1, 33} {
		clock = start.AddDate(0, 0, days)
		cache := client.NewCache(c, client.CacheOptions{Now: func() time.Time { return clock }})
		segs, err := cache.Segments(context.Background(), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		rep := monitor.Scan(context.Background(), cache, segs, monitor.ScanOptions{Now: func() time.Time { return clock }}, nil)
		var flagged []string
		for _, r := range rep.Results {
			if r.Stats.Anomaly {
				flagged = append(flagged, r.Segment.ID)
			}
		}
		planted := slices.Concat(falls, jumps, members)
		slices.Sort(flagged)
		slices.Sort(planted)
		if !slices.Equal(flagged, planted) {
			t.Errorf("day +%d: flagged %v, planted %v", days, flagged, planted)
		}
		incs := monitor.Incidents(rep.Results, 0)
		if len(incs) != 1 {
			t.Fatalf("day +%d: %d incidents, want 1: %+v", days, len(incs), incs)
		}
		inc := incs[0]
		var ids []string
		for _, i := range inc.Members {
			ids = append(ids, rep.Results[i].Segment.ID)
		}
		if inc.Direction != monitor.Fell || inc.Tag != tag || inc.Date != client.DateOf(clock).AddDays(-1) || len(ids) < brazetest.IncidentSize {
			t.Errorf("day +%d: incident %+v, want %s segments tagged %s falling on the newest day", days, inc, members, tag)
		}
		for _, id := range members {
			if !slices.Contains(ids, id) {
				t.Errorf("day +%d: %s is not in the incident %v", days, id, ids)
			}
		}
	}
}
