package chartpane

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/series"
)

// paneNow is the clock of the pane tests: yesterday is Nov 15 2026.
var paneNow = time.Date(2026, 11, 16, 12, 0, 0, 0, time.UTC)

// paneWith is a w×h monochrome pane over a store of length-day windows up
// to now, one series per segment: size(i) for day i of the window.
func paneWith(t *testing.T, length, w, h int, sizes map[string]func(i int) int64) (*Model, *series.Store, []client.Segment) {
	t.Helper()
	store := series.New(length, nil)
	var segs []client.Segment
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		size, ok := sizes[id]
		if !ok {
			continue
		}
		segs = append(segs, client.Segment{ID: id, Name: "seg " + id, AnalyticsTrackingEnabled: true})
		k := store.Key(id)
		store.Finish(k, store.Begin(k), windowOf(id, length, time.Time{}, size), nil, paneNow)
	}
	return monoPane(paneNow, store, w, h), store, segs
}

// windowOf is the series of the window (length, end) by size(i).
func windowOf(id string, length int, end time.Time, size func(i int) int64) *client.Series {
	first, _ := client.WindowDays(length, end, paneNow)
	s := &client.Series{SegmentID: id, Length: length, EndingAt: end}
	for i := range length {
		s.Points = append(s.Points, client.Point{Day: first.AddDays(i), Size: size(i)})
	}
	return s
}

func view(m *Model, segs []client.Segment) string {
	return ansi.Strip(viewOf(m, Input{Segments: segs}))
}

// TestChartStartsWhereTheDataDoes: a year's window of a segment created
// 300 days in starts its chart there and says so; one with data all year
// says nothing.
func TestChartStartsWhereTheDataDoes(t *testing.T) {
	young := func(i int) int64 {
		if i < 300 {
			return 0
		}
		return int64(5000 + i)
	}
	m, _, segs := paneWith(t, 365, 100, 30, map[string]func(int) int64{"a": young})
	first, _ := client.WindowDays(365, time.Time{}, paneNow)
	want := "data starts on " + first.AddDays(300).Time().Format("Jan 02 2006")
	out := view(m, segs)
	if !strings.Contains(out, want) || !strings.Contains(out, "65d ") {
		t.Fatalf("young segment's year:\n%s", out)
	}
	old := func(i int) int64 { return int64(5000 + i) }
	m, _, segs = paneWith(t, 365, 100, 30, map[string]func(int) int64{"a": old, "b": young})
	if out := view(m, segs[:1]); strings.Contains(out, "data starts") {
		t.Errorf("a full year says where its data starts:\n%s", out)
	}
	// Compared, the chart starts where the oldest data does.
	if out := view(m, segs); strings.Contains(out, "data starts") {
		t.Errorf("a comparison with a full year says where data starts:\n%s", out)
	}
}

// TestCursorAfterAShorterWindow: a cursor on the first day of a year,
// after the window shrinks to 7 days, sits on the week's first day and
// moves from there at the first key.
func TestCursorAfterAShorterWindow(t *testing.T) {
	size := func(i int) int64 { return int64(1000 + i) }
	m, store, segs := paneWith(t, 365, 100, 30, map[string]func(int) int64{"a": size})
	view(m, segs)
	m.CursorToStart()
	first, _ := client.WindowDays(365, time.Time{}, paneNow)
	if out := view(m, segs); !strings.Contains(out, "┊ "+first.Time().Format("Mon Jan 02 2006")) {
		t.Fatalf("cursor not on the year's first day:\n%s", out)
	}
	store.SetLength(7)
	k := store.Key("a")
	store.Finish(k, store.Begin(k), windowOf("a", 7, time.Time{}, size), nil, paneNow)
	view(m, segs)
	m.MoveCursor(1)
	week, _ := client.WindowDays(7, time.Time{}, paneNow)
	if out := view(m, segs); !strings.Contains(out, "┊ "+week.AddDays(1).Time().Format("Mon Jan 02 2006")) {
		t.Errorf("after the window shrank, → did not move to the week's second day:\n%s", out)
	}
}
