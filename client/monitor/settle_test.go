package monitor

import "testing"

func TestSettleOnACopyLeavesTheSharedReport(t *testing.T) {
	shared := &Report{Results: []Result{moved("a", []string{"etl"}, day5, -50), moved("b", nil, day5, -50)}}
	c := shared.Copy()
	rows, _ := c.Settle([]Silence{{Tag: "etl", Until: day5, Reason: "import moved"}}, "us", day5, DefaultIncidentMin, ByName)
	if Fired(rows) != 1 || len(rows[0].Alerts) != 1 || rows[0].Alerts[0].Silenced == "" {
		t.Fatalf("the copy's rows: %+v", rows)
	}
	for _, r := range shared.Results {
		if len(Firing(r.Alerts)) != 1 {
			t.Fatalf("settling the copy silenced the shared report's %s: %+v", r.Segment.ID, r.Alerts)
		}
	}
}
