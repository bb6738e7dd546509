package scanview

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/clienttest"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

func newView() *Model {
	c := common.New(context.Background(), func() time.Time { return time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC) }, nil,
		themes.NewStyles(themes.Mono(), true))
	c.SetSize(80, 13) // the answer takes the terminal but its last line: 80 × 12
	m := New(c, Deps{})
	m.SetSize(80, 12)
	return m
}

func key(s string) tea.KeyPressMsg {
	switch s {
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

func plain(s string) string { return ansi.Strip(s) }

func TestConfirmStatesTheCost(t *testing.T) {
	m := newView()
	m.Confirm(Plan{Scope: "all segments", Segments: 10000, Cost: 8800, Limit: 250000, Remaining: 249000})
	out := plain(m.View())
	for _, want := range []string{"Scan all segments: 10,000 segments.", "Cost: 8,800 requests, 4% of the hourly 250,000 (249,000 left", "enter start"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("confirm lacks %q:\n%s", want, out)
		}
	}
	if ev := m.Key(key("x")); ev != None || m.Phase() != Confirming {
		t.Errorf("a stray key: %v %v", ev, m.Phase())
	}
	if ev := m.Key(key("enter")); ev != Start {
		t.Errorf("enter: %v", ev)
	}
	m.Confirm(Plan{Joining: true, JoiningScope: "tag vip"})
	if out := plain(m.View()); !strings.Contains(out, "A scan of tag vip is running") || !strings.Contains(out, "enter join") {
		t.Errorf("joining:\n%s", out)
	}
	if ev := m.Key(key("esc")); ev != Close || m.Active() {
		t.Errorf("esc while confirming: %v active %v", ev, m.Active())
	}
}

func TestRunningShowsProgressAndStops(t *testing.T) {
	m := newView()
	m.Confirm(Plan{Scope: "tag vip"})
	m.Running(monitor.Progress{Done: 25, Total: 100, Failed: 2})
	out := plain(m.View())
	if !strings.Contains(out, "Scanning tag vip") || !strings.Contains(out, "25 of 100 · 2 failed") || !strings.Contains(out, "━") {
		t.Errorf("running:\n%s", out)
	}
	if ev := m.Key(key("esc")); ev != Stop || m.Phase() != Running {
		t.Errorf("esc while running: %v %v (the root stops the ticket, then finishes)", ev, m.Phase())
	}
}

// TestRunningSaysItWaitsForTheRateLimit: before the first segment is done
// the bar counts the plan's segments, and while the workspace's hourly
// limit is used up the view says until when the scan waits.
func TestRunningSaysItWaitsForTheRateLimit(t *testing.T) {
	now := time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)
	api := brazetest.NewHandler(brazetest.Options{RateLimit: 1, Now: func() time.Time { return now }})
	cache := clienttest.NewCache(t, api, client.CacheOptions{})
	m := newView()
	m.deps.Cache = cache
	m.Confirm(Plan{Scope: "all segments", Segments: 288})
	m.Running(monitor.Progress{})
	out := strings.Join(strings.Fields(plain(m.View())), " ")
	if !strings.Contains(out, "0 of 288") || strings.Contains(out, "Waiting") {
		t.Errorf("at the start, with the limit not used up:\n%s", out)
	}
	if _, err := cache.Details(context.Background(), api.Workspace().Segments[0].ID, client.Fresh); err != nil {
		t.Fatal(err) // the hour's one request: the limit is used up
	}
	out = strings.Join(strings.Fields(plain(m.View())), " ")
	if !strings.Contains(out, "Waiting for the API's hourly limit to reset at 15:00 UTC (in 30 min)") {
		t.Errorf("waiting for the limit:\n%s", out)
	}
}

func TestFinishedScrollsAndReopens(t *testing.T) {
	m := newView()
	var rows []monitor.Row
	for i := range 30 {
		seg := client.Segment{ID: string(rune('a' + i)), Name: "Segment " + string(rune('A'+i)), AnalyticsTrackingEnabled: true}
		pts := []client.Point{{Day: client.Date{Year: 2026, Month: 11, Day: 1}, Size: 1000}, {Day: client.Date{Year: 2026, Month: 11, Day: 2}, Size: int64(1000 + i*10)}}
		r := monitor.Result{Segment: seg, Done: true, Stats: monitor.Analyze(pts, monitor.DefaultDetector())}
		if i == 3 {
			r.Alerts = []monitor.Alert{{Rule: "floor", Reason: "size 1,030 is below 5,000"}}
		}
		rows = append(rows, monitor.RowOf(r))
	}
	m.Finish(output.ScanSummary{Scope: "all segments", Length: 30, Through: "2026-11-15", Total: 30, Done: 30}, rows, nil)
	out := plain(m.View())
	if !strings.Contains(out, "scan of all segments: 30 segments") || !strings.Contains(out, "ALERTS (1)") ||
		!strings.Contains(out, "floor: size 1,030 is below 5,000") {
		t.Fatalf("finished:\n%s", out)
	}
	if len(strings.Split(out, "\n")) != 12 {
		t.Errorf("not 12 lines:\n%s", out)
	}
	for range 5 {
		m.Key(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	if scrolled := plain(m.View()); strings.Contains(scrolled, "scan of all segments") {
		t.Errorf("↓ did not scroll:\n%s", scrolled)
	}
	m.Key(key("esc"))
	if m.Active() || !m.Reopen() || m.Phase() != Finished {
		t.Errorf("reopen after close: active %v phase %v", m.Active(), m.Phase())
	}
	if fresh := newView(); fresh.Reopen() {
		t.Error("nothing to reopen before a scan")
	}
}

// TestIncidentsComeFirst: segments that moved together on one day show as
// one incident, named by its summary and members, before the table.
func TestIncidentsComeFirst(t *testing.T) {
	m := newView()
	day := client.Date{Year: 2026, Month: 11, Day: 15}
	var results []monitor.Result
	for i := range 4 {
		seg := client.Segment{ID: fmt.Sprint("w", i), Name: fmt.Sprint("Warehouse ", i), Tags: []string{"warehouse"},
			AnalyticsTrackingEnabled: true}
		results = append(results, monitor.Result{Segment: seg, Done: true,
			Stats: monitor.Stats{HasLatest: true, Latest: client.Point{Day: day, Size: 510_000},
				HasDay: true, DayChange: -490_000, DayPct: -49},
			Alerts: []monitor.Alert{{Rule: "drop", Reason: "fell 49%", Severity: monitor.Warning}}})
	}
	var rows []monitor.Row
	for _, r := range results {
		rows = append(rows, monitor.RowOf(r))
	}
	incs := monitor.IncidentRows(results, monitor.Incidents(results, 0))
	if len(incs) != 1 {
		t.Fatalf("setup: %d incidents", len(incs))
	}
	m.SetSize(100, 30)
	m.c.Width, m.c.Height = 100, 30
	m.Finish(output.ScanSummary{Scope: "all segments", Length: 30, Through: "2026-11-15", Total: 4, Done: 4}, rows, incs)
	out := plain(m.View())
	i, a := strings.Index(out, "INCIDENTS (1)"), strings.Index(out, "ALERTS")
	if i < 0 || a < 0 || i > a || !strings.Contains(out, "4 segments tagged warehouse") || !strings.Contains(out, "Warehouse 0, Warehouse 1") {
		t.Fatalf("incidents not first:\n%s", out)
	}
}
