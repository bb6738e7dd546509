package chartpane

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/series"
)

func TestViewFillsItsSizeAndShowsFreshness(t *testing.T) {
	now := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	c := common.New(nil, func() time.Time { return now }, nil, themes.NewStyles(themes.Mono(), true))
	store := series.New(30, nil)
	seg := client.Segment{ID: "a", Name: "VIP", AnalyticsTrackingEnabled: true}
	k := store.Key("a")
	s := &client.Series{}
	for i := range 30 {
		s.Points = append(s.Points, client.Point{Day: client.DateOf(now).AddDays(i - 30), Size: int64(1000 + i)})
	}
	store.Finish(k, store.Begin(k), s, nil, now)
	m := New(c, store, false)
	m.SetSize(70, 20)
	out := ansi.Strip(m.View(Input{Segments: []client.Segment{seg}}))
	lines := strings.Split(out, "\n")
	if len(lines) != 20 {
		t.Fatalf("%d lines, want 20", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 70 {
			t.Fatalf("line %d is %d cells: %q", i, w, l)
		}
	}
	if !strings.Contains(out, "latest 1,029") || !strings.Contains(lines[19], "fetched now") {
		t.Errorf("pane:\n%s", out)
	}
	// A failed refresh keeps the chart and says so in the footer.
	store.Finish(k, store.Begin(k), nil, errors.New("try later"), now)
	out = ansi.Strip(m.View(Input{Segments: []client.Segment{seg}}))
	if !strings.Contains(out, "latest 1,029") || !strings.Contains(out, "! try later · showing the last good data") {
		t.Errorf("after a failure:\n%s", out)
	}
}
