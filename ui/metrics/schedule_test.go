package metrics_test

import (
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/metrics"
)

// TestScheduledScanKeepsTheSilences: a silenced alert is counted as
// silenced, not firing; an alert no silence covers fires.
func TestScheduledScanKeepsTheSilences(t *testing.T) {
	ws := brazetest.NewWorkspace(5, 300)
	falls, jumps := ws.PlantBreaks(client.DateOf(start).AddDays(-1))
	if len(falls) == 0 || len(jumps) == 0 {
		t.Fatal("the stand-in planted no breaks")
	}
	f := newFixtureOn(t, "us", metrics.New(), ws)
	f.ws.Options.Length = 30 // the detector wants a few weeks of history
	f.ws.Silences = []monitor.Silence{{Segment: falls[0], Until: client.DateOf(start), Reason: "the import moved"}}
	url := f.run(t)
	<-f.scanned
	fams := scrape(t, url)
	firing := func(id string) float64 {
		w, _ := value(fams, "segdash_segment_alerts", map[string]string{"segment_id": id, "severity": "warning"})
		c, _ := value(fams, "segdash_segment_alerts", map[string]string{"segment_id": id, "severity": "critical"})
		return w + c
	}
	if n, _ := value(fams, "segdash_segment_alerts_silenced", map[string]string{"segment_id": falls[0]}); n == 0 || firing(falls[0]) != 0 {
		t.Errorf("the silenced segment: %v silenced, %v firing", n, firing(falls[0]))
	}
	if firing(jumps[0]) == 0 {
		t.Error("a break no silence covers does not fire")
	}
}
