package serving

import (
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/config"
)

func TestServeSessionRequestsSpareTheDemo(t *testing.T) {
	if n := SessionRequests(3600, []config.Config{{Demo: true}}); n != 0 {
		t.Errorf("the demo gets a bound of %d", n)
	}
	if n := SessionRequests(3600, []config.Config{{Demo: true}, {Workspace: "eu"}}); n != 3600 {
		t.Errorf("a real workspace gets a bound of %d, want 3600", n)
	}
}

// TestServedDashboardsKeepTheSilences: each workspace's sessions scan
// with that workspace's silences and name.
func TestServedDashboardsKeepTheSilences(t *testing.T) {
	until := client.Date{Year: 2026, Month: 12, Day: 31}
	ws := Workspaces{
		{Config: config.Config{Workspace: "us", Silences: []monitor.Silence{{Tag: "etl", Until: until, Reason: "r"}}}, Backend: &config.Backend{}},
		{Config: config.Config{Workspace: "eu"}, Backend: &config.Backend{}},
	}
	ssh := ws.SSH()
	if d := ssh[0].Dashboard; d.Workspace != "us" || len(d.Silences) != 1 || d.Silences[0].Tag != "etl" {
		t.Errorf("us: workspace %q, silences %+v", d.Workspace, d.Silences)
	}
	if d := ssh[1].Dashboard; d.Workspace != "eu" || len(d.Silences) != 0 {
		t.Errorf("eu: workspace %q, silences %+v", d.Workspace, d.Silences)
	}
}
