package dash

import (
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// TestOptionsCarryTheSilences: the dashboard's scan gets the workspace's
// silences and its name, which a workspace-wide silence is matched by.
func TestOptionsCarryTheSilences(t *testing.T) {
	quiet := []monitor.Silence{{Workspace: "us", Until: client.Date{Year: 2026, Month: 12, Day: 31}, Reason: "the import moved"}}
	s := &Starter{Getenv: func(string) string { return "" }, Now: func() time.Time { return time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC) }}
	o, err := s.Options(config.Config{Demo: true, Workspace: "us", Silences: quiet}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	if o.Workspace != "us" || len(o.Silences) != 1 || o.Silences[0] != quiet[0] {
		t.Errorf("options: workspace %q, silences %+v", o.Workspace, o.Silences)
	}
}
