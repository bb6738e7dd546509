package chartpane

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/series"
)

var compareNow = time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)

// daily is a series of n days ending the day before end, sizes base+i.
func daily(end client.Date, n int, base int64) *client.Series {
	s := &client.Series{}
	for i := range n {
		s.Points = append(s.Points, client.Point{Day: end.AddDays(i - n), Size: base + int64(i)})
	}
	return s
}

// comparePane is a pane of w×h over a store holding seg's 30 days.
func comparePane(t *testing.T, w, h int, seg client.Segment) *Model {
	t.Helper()
	store := series.New(30, nil)
	k := store.Key(seg.ID)
	store.Finish(k, store.Begin(k), daily(client.DateOf(compareNow), 30, 1000), nil, compareNow)
	return monoPane(compareNow, store, w, h)
}

// TestCompareAlignsWorkspacesByDate: a guest series whose newest day is
// older than the screen's is not drawn shifted under the wrong dates: the
// chart keeps the days every series has, and says so.
func TestCompareAlignsWorkspacesByDate(t *testing.T) {
	seg := client.Segment{ID: "a", Name: "VIP", AnalyticsTrackingEnabled: true}
	m := comparePane(t, 100, 30, seg)
	lagging := daily(client.DateOf(compareNow).AddDays(-3), 30, 5000) // eu: 3 days behind
	in := Input{Segments: []client.Segment{seg}, Workspace: "us",
		Guests: []Guest{{Workspace: "eu", Segment: seg, State: &series.State{Series: lagging, Fetched: compareNow}}}}
	viewOf(m, in)
	m.CursorToStart() // the day cursor on the chart's first day
	out := ansi.Strip(viewOf(m, in))
	first, last := client.DateOf(compareNow).AddDays(-30), client.DateOf(compareNow).AddDays(-4)
	want := fmt.Sprintf("showing %s – %s, the days every series has", first.Time().Format("Jan 02"), last.Time().Format("Jan 02"))
	if !strings.Contains(out, want) {
		t.Fatalf("no %q:\n%s", want, out)
	}
	// On the first common day, us's size is its first (1000) and eu's its
	// 4th (5003): the same date, not the same position.
	var readout string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "┊ ") {
			readout = l
		}
	}
	if !strings.Contains(readout, "1,000") || !strings.Contains(readout, "5,003") {
		t.Fatalf("the cursor's readout %q is not of one date across both series:\n%s", readout, out)
	}
	// The legend reads the days drawn: us's last drawn day is its 27th
	// (1026), not its newest (1029), which the chart leaves out.
	if !strings.Contains(out, "+26 (+2.6%)") {
		t.Fatalf("the legend's change is not over the days drawn:\n%s", out)
	}
}

// TestCompareLegendWithManySeries: more series than legend rows fit get
// as many named rows as fit and "… and N more", not a legend line that
// cuts every name to nothing.
func TestCompareLegendWithManySeries(t *testing.T) {
	seg := client.Segment{ID: "a", Name: "VIP", AnalyticsTrackingEnabled: true}
	m := comparePane(t, 100, 24, seg)
	in := Input{Segments: []client.Segment{seg}, Workspace: "us"}
	for i := range 12 {
		g := client.Segment{ID: fmt.Sprint("g", i), Name: fmt.Sprintf("Guest segment %02d", i), AnalyticsTrackingEnabled: true}
		in.Guests = append(in.Guests, Guest{Workspace: "eu", Segment: g,
			State: &series.State{Series: daily(client.DateOf(compareNow), 30, int64(100*i)), Fetched: compareNow}})
	}
	out := ansi.Strip(viewOf(m, in))
	rows, listed := legendRows(13, 24)
	if rows == 0 || listed != rows-1 {
		t.Fatalf("legendRows(13, 24) = %d, %d", rows, listed)
	}
	mustHave := []string{"us · VIP", fmt.Sprintf("… and %d more", 13-listed), fmt.Sprintf("eu · Guest segment %02d", listed-2)}
	for _, w := range mustHave {
		if !strings.Contains(out, w) {
			t.Fatalf("no %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, fmt.Sprintf("Guest segment %02d", listed-1)) {
		t.Fatalf("a series past the listed ones is named:\n%s", out)
	}
}

// TestCompareLeavesUntrackedZerosOut: an untracked segment whose API
// answered zeros is not drawn as a series of 0 in a comparison.
func TestCompareLeavesUntrackedZerosOut(t *testing.T) {
	seg := client.Segment{ID: "a", Name: "VIP", AnalyticsTrackingEnabled: true}
	m := comparePane(t, 100, 30, seg)
	zeros := daily(client.DateOf(compareNow), 30, 0)
	for i := range zeros.Points {
		zeros.Points[i].Size = 0
	}
	un := client.Segment{ID: "u", Name: "Untracked one"}
	out := ansi.Strip(viewOf(m, Input{Segments: []client.Segment{seg}, Workspace: "us",
		Guests: []Guest{{Workspace: "eu", Segment: un, State: &series.State{Series: zeros, Fetched: compareNow}}}}))
	if !strings.Contains(out, "untracked: no history in Braze") {
		t.Fatalf("the untracked series is not marked:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "┤") && strings.HasPrefix(strings.TrimSpace(l), "0 ") {
			t.Fatalf("the chart's axis reaches 0 for an untracked series:\n%s", out)
		}
	}
}

// TestIndexedReadout: with the chart indexed (n), the day cursor reads
// each line's index, not its size.
func TestIndexedReadout(t *testing.T) {
	seg := client.Segment{ID: "a", Name: "VIP", AnalyticsTrackingEnabled: true}
	m := comparePane(t, 100, 30, seg)
	other := client.Segment{ID: "b", Name: "Other", AnalyticsTrackingEnabled: true}
	in := Input{Segments: []client.Segment{seg}, Workspace: "us",
		Guests: []Guest{{Workspace: "eu", Segment: other, State: &series.State{Series: daily(client.DateOf(compareNow), 30, 2000), Fetched: compareNow}}}}
	m.ToggleNormal()
	viewOf(m, in)
	m.CursorToEnd()
	var readout string
	for _, l := range strings.Split(ansi.Strip(viewOf(m, in)), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "┊ ") {
			readout = l
		}
	}
	// Day 29 of 1000+i is 1029: 102.9; of 2000+i, 2029: 101.4.
	if !strings.Contains(readout, "102.9") || !strings.Contains(readout, "101.4") || strings.Contains(readout, "1,029") {
		t.Fatalf("indexed readout %q", readout)
	}
}

// TestSmallPaneKeepsLegendAndChart: in a short pane, the "days every series
// has" note gives way to the chart's own legend (two workspaces' lines told
// apart), and the stats to the chart the day cursor points at: at every
// height where a chart is drawn at all.
func TestSmallPaneKeepsLegendAndChart(t *testing.T) {
	seg := client.Segment{ID: "a", Name: "Holiday Shoppers", AnalyticsTrackingEnabled: true}
	lagging := daily(client.DateOf(compareNow).AddDays(-3), 30, 5000)
	in := Input{Segments: []client.Segment{seg}, Workspace: "us",
		Guests: []Guest{{Workspace: "eu", Segment: seg, State: &series.State{Series: lagging, Fetched: compareNow}}}}
	for h := 6; h <= 16; h++ {
		m := comparePane(t, 60, h, seg)
		out := ansi.Strip(viewOf(m, in))
		if strings.ContainsAny(out, "┤┼") && (!strings.Contains(out, "us · Holiday Shoppers") || !strings.Contains(out, "eu · Holiday Shoppers")) {
			t.Fatalf("height %d: a chart without its legend:\n%s", h, out)
		}
		single := comparePane(t, 60, h, seg)
		plain := ansi.Strip(viewOf(single, Input{Segments: []client.Segment{seg}}))
		single.MoveCursor(-1)
		withCursor := ansi.Strip(viewOf(single, Input{Segments: []client.Segment{seg}}))
		if strings.ContainsAny(plain, "┤┼") && !strings.ContainsAny(withCursor, "┤┼") {
			t.Fatalf("height %d: the day cursor hid the chart:\n%s", h, withCursor)
		}
	}
}
