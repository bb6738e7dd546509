package monitor_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/num"
)

// TestScanIgnoresCreation: segments created within the window (Braze
// answers 0 for the days before) are not flagged for their creation, by the
// detector or by a window_rise rule, and their window change is measured
// from their first day with data; the planted breaks are all still found.
func TestScanIgnoresCreation(t *testing.T) {
	yesterday := client.DateOf(now).AddDays(-1)
	ages := []int{1, 2, 5, 10, 16, 25} // days of data each young segment has
	young := map[string]*brazetest.SegmentSpec{}
	d := newDemoWith(t, 250, func(ws *brazetest.Workspace, planted []string) {
		for _, s := range ws.Listed() {
			if len(young) == len(ages) {
				break
			}
			if s.Tracked && s.SizeOn(yesterday) >= 2000 && !slices.Contains(planted, s.ID) {
				s.CreatedAt = yesterday.AddDays(1 - ages[len(young)]).Time().Add(9 * time.Hour)
				young[s.ID] = s
			}
		}
	})
	if len(young) != len(ages) {
		t.Fatalf("%d young segments, want %d", len(young), len(ages))
	}
	var rules []monitor.Rule
	for id, s := range young {
		// A rise of most of the segment: only a change from 0 reaches it.
		rise := monitor.Threshold{Value: 0.9 * float64(s.SizeOn(yesterday))}
		rules = append(rules, monitor.Rule{Name: "grew", Target: monitor.Target{Segments: []string{id}}, WindowRise: &rise})
	}
	o := monitor.ScanOptions{Length: 30, Concurrency: 8, Now: func() time.Time { return now }, Rules: rules}
	rep := monitor.Scan(context.Background(), d.cache, d.segs, o, nil)
	if rep.Failed != 0 || rep.Done != len(d.segs) {
		t.Fatalf("report %+v", rep.Progress)
	}
	var flagged []string
	for _, r := range rep.Results {
		if r.Stats.Anomaly {
			flagged = append(flagged, r.Segment.ID)
		}
		s, ok := young[r.Segment.ID]
		if !ok {
			continue
		}
		if len(r.Alerts) != 0 {
			t.Errorf("%s, created %s: alerts %+v", r.Segment.Name, s.CreatedAt.Format(time.DateOnly), r.Alerts)
		}
		first := s.SizeOn(client.DateOf(s.CreatedAt))
		if want := num.Sub(r.Stats.Latest.Size, first); r.Stats.WindowChange != want {
			t.Errorf("%s: window change %d, want %d (from %d on its first day)", r.Segment.Name, r.Stats.WindowChange, want, first)
		}
	}
	planted := append(slices.Clone(d.falls), d.jumps...)
	slices.Sort(planted)
	slices.Sort(flagged)
	if len(planted) != 4 || !slices.Equal(flagged, planted) {
		t.Errorf("flagged %v, planted %v", flagged, planted)
	}
}
