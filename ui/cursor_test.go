package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// sendKey sends a special key (arrows, home, end) and settles.
func sendKey(t *testing.T, m *Model, code rune) {
	t.Helper()
	_, cmd := m.Update(tea.KeyPressMsg{Code: code})
	settle(t, m, cmd)
}

// reading is the readout the pane shows for day i of pts.
func reading(pts []client.Point, i int) string {
	return "┊ " + pts[i].Day.Time().Format("Mon Jan 02 2006") + "  " + output.Grouped(pts[i].Size)
}

// TestDayCursorReadout: ← shows the cursor on the newest day with its date
// and size; h/← and →/l move it a day; home and end jump to the ends
// while it is shown; esc hides it, and home is the list's again.
func TestDayCursorReadout(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Length: 365})
	start(t, m, 140, 40)
	id := trackedOlderThan(t, e, testNow.AddDate(-1, 0, -1), true)
	cursorTo(t, m, id)
	pts := m.store.Get(id).Series.Points
	n := len(pts)
	if strings.Contains(screen(m), "┊") {
		t.Fatalf("a cursor before any key:\n%s", screen(m))
	}
	sendKey(t, m, tea.KeyLeft)
	mustContain(t, screen(m), reading(pts, n-1), "┴", "esc hide cursor")
	press(t, m, "h", "h", "h")
	mustContain(t, screen(m), reading(pts, n-4))
	sendKey(t, m, tea.KeyRight)
	press(t, m, "l")
	mustContain(t, screen(m), reading(pts, n-2))
	sendKey(t, m, tea.KeyHome)
	mustContain(t, screen(m), reading(pts, 0))
	press(t, m, "h") // stays on the first day
	mustContain(t, screen(m), reading(pts, 0))
	if m.list.CursorID() != id {
		t.Fatalf("home moved the list while the day cursor was shown")
	}
	sendKey(t, m, tea.KeyEnd)
	mustContain(t, screen(m), reading(pts, n-1))
	press(t, m, "esc")
	if s := screen(m); strings.Contains(s, "┊ ") {
		t.Fatalf("esc left the cursor:\n%s", s)
	}
	sendKey(t, m, tea.KeyHome)
	if m.list.CursorIndex() != 0 {
		t.Errorf("home without the day cursor did not go to the list's top")
	}
}

// TestDayCursorCompared: comparing two segments, the readout gives each
// one's size on the cursor's day.
func TestDayCursorCompared(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	var ids []string
	for len(ids) < 2 {
		if s, _ := m.list.Cursor(); s.AnalyticsTrackingEnabled {
			ids = append(ids, s.ID)
			press(t, m, "space")
		}
		press(t, m, "down")
	}
	screen(m) // the frame that draws the comparison, as the program does after each key
	press(t, m, "h", "h")
	s := screen(m)
	for _, id := range ids {
		pts := m.store.Get(id).Series.Points
		mustContain(t, s, pts[len(pts)-2].Day.Time().Format("Mon Jan 02 2006"), "■ "+output.Grouped(pts[len(pts)-2].Size))
	}
}

// TestClickSetsDayCursor: a click on the chart puts the cursor on the day
// under it; a click on the list still moves the list.
func TestClickSetsDayCursor(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Length: 90})
	start(t, m, 140, 40)
	id := m.list.CursorID()
	pts := m.store.Get(id).Series.Points
	l := m.layoutFor()
	screen(m) // a frame, so the pane knows where its plot is
	p := m.chart.Plot()
	if p.Days != len(pts) {
		t.Fatalf("plot of %d days, want %d", p.Days, len(pts))
	}
	// The plot's first and last columns are the window's first and last day.
	for _, c := range []struct{ col, day int }{{0, 0}, {p.Width - 1, len(pts) - 1}} {
		x, y := l.chartX+p.Margin+p.Left+c.col, l.chartY+p.Top+1
		_, cmd := m.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
		settle(t, m, cmd)
		mustContain(t, screen(m), reading(pts, c.day))
	}
	_, cmd := m.Update(tea.MouseClickMsg{X: l.listX + 3, Y: l.listY + 3, Button: tea.MouseLeft})
	settle(t, m, cmd)
	if m.list.CursorID() == id {
		t.Errorf("a click on the list no longer moves it")
	}
}
