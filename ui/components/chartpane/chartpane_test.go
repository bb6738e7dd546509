package chartpane

import (
	"context"
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

// monoPane is a monochrome pane of w×h over store, on a clock that
// reads now.
func monoPane(now time.Time, store *series.Store, w, h int) *Model {
	c := common.New(context.Background(), func() time.Time { return now }, nil, themes.NewStyles(themes.Mono(), true))
	m := New(c, store, false)
	m.SetSize(w, h)
	return m
}

func TestViewFillsItsSizeAndShowsFreshness(t *testing.T) {
	now := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	store := series.New(30, nil)
	seg := client.Segment{ID: "a", Name: "VIP", AnalyticsTrackingEnabled: true}
	k := store.Key("a")
	store.Finish(k, store.Begin(k), daily(client.DateOf(now), 30, 1000), nil, now)
	m := monoPane(now, store, 70, 20)
	out := ansi.Strip(viewOf(m, Input{Segments: []client.Segment{seg}}))
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
	out = ansi.Strip(viewOf(m, Input{Segments: []client.Segment{seg}}))
	if !strings.Contains(out, "latest 1,029") || !strings.Contains(out, "! try later · showing the last good data") {
		t.Errorf("after a failure:\n%s", out)
	}
}

// TestShortPaneIsNeverBlank: at the heights of a 60×16 terminal the pane
// draws the chart (keeping one line of numbers) or says why it cannot.
func TestShortPaneIsNeverBlank(t *testing.T) {
	now := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	store := series.New(30, nil)
	segs := []client.Segment{{ID: "a", Name: "VIP", AnalyticsTrackingEnabled: true}, {ID: "b", Name: "Churn", AnalyticsTrackingEnabled: true}}
	for j, seg := range segs {
		k := store.Key(seg.ID)
		s := &client.Series{}
		for i := range 30 {
			s.Points = append(s.Points, client.Point{Day: client.DateOf(now).AddDays(i - 30), Size: int64(1000*(j+1) + i*i)})
		}
		store.Finish(k, store.Begin(k), s, nil, now)
	}
	m := monoPane(now, store, 60, 4)
	for _, h := range []int{4, 6, 8, 10} {
		m.SetSize(60, h)
		for _, in := range []Input{{Segments: segs[:1]}, {Segments: segs}} {
			lines := strings.Split(ansi.Strip(viewOf(m, in)), "\n")
			body := strings.TrimSpace(strings.Join(lines[1:len(lines)-1], ""))
			if h >= 8 && !strings.Contains(body, "┤") {
				t.Errorf("height %d, %d segments: no chart:\n%s", h, len(in.Segments), strings.Join(lines, "\n"))
			}
			if h < 8 && !strings.Contains(body, "┤") && !strings.Contains(body, "no room for the chart") {
				t.Errorf("height %d, %d segments: blank without a word:\n%s", h, len(in.Segments), strings.Join(lines, "\n"))
			}
		}
	}
}

// viewOf draws m charting in.
func viewOf(m *Model, in Input) string {
	m.SetInput(in)
	return m.View()
}
