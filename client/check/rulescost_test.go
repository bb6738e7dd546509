package check_test

import (
	"context"
	"testing"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/monitor"
)

// TestRulesFetchOnlyTheSegmentsAsked: rules over every segment, a tag or
// a watchlist are tested on the segments the check names; they fetch no
// other segment's series (the cost `check` over SSH states counts none).
func TestRulesFetchOnlyTheSegmentsAsked(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 300)
	h, cache, _ := serve(t, ws)
	segs := uniqueTracked(ws, 12)
	var team []string
	for _, s := range segs[1:] {
		team = append(team, s.ID)
	}
	rules := &check.Rules{Rules: []monitor.Rule{
		{Name: "all", Target: monitor.Target{All: true}, Anomaly: true},
		{Name: "team", Target: monitor.Target{Watchlist: "team"}, Anomaly: true},
		{Name: "tagged", Target: monitor.Target{Tag: "vip"}, Anomaly: true},
	}, Watchlists: map[string][]string{"team": team}}
	before := h.Requests("data_series")
	rep, err := check.Run(context.Background(), cache, []string{segs[0].ID}, check.Options{Length: 30, Rules: rules, Now: clock})
	if err != nil || len(rep.Results) != 1 {
		t.Fatalf("report %+v, %v", rep, err)
	}
	if sent := h.Requests("data_series") - before; sent != 1 {
		t.Errorf("a check of one segment with rules over many sent %d series requests, want 1", sent)
	}
}
