package ui

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/details"
)

// frameCache keeps the last frame: Bubble Tea asks for View after every
// message, and a frame is drawn again only when a message changed
// something on screen.
type frameCache struct {
	view  tea.View
	valid bool   // view is the screen as it is
	state string // visibleState when view was drawn
	count int    // frames drawn, for tests and measurements
}

// Update routes one message to the part that owns it, decides whether the
// screen changed, and keeps the age ticker set. It never does I/O.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := m.route(msg)
	if m.frame.valid && (!isQuiet(msg) || m.visibleState() != m.frame.state) {
		m.frame.valid = false
	}
	return m, tea.Batch(cmd, m.live.WatchAges(m.ageRefs()...))
}

// isQuiet reports whether msg is a timer, a reply or a terminal report:
// one that changes the screen only through what visibleState sums up.
// Keys, the mouse, a resize and the listing's end redraw always.
func isQuiet(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg, tea.MouseClickMsg, tea.MouseWheelMsg, tea.WindowSizeMsg,
		tea.BackgroundColorMsg, segmentsLoadedMsg, details.LoadedMsg, exportedMsg, watchlistSavedMsg:
		return false
	}
	return true
}

// visibleState sums up what quiet messages can change on screen: the
// status bar's text (ages, counts, notice, countdown), the chart's age
// labels and every change of a series shown. Equal to what it was when
// the last frame was drawn, that frame stays.
func (m *Model) visibleState() string {
	var b strings.Builder
	for _, f := range m.statusFields() {
		b.WriteString(f)
		b.WriteByte(0)
	}
	b.WriteString(m.status.Notice())
	b.WriteString(strings.Join(m.budget(), ""))
	now := m.c.Now()
	for _, t := range m.chartAges() {
		b.WriteByte(0)
		b.WriteString(common.Ago(now.Sub(t)))
	}
	b.WriteByte(0)
	b.WriteString(strconv.FormatInt(m.store.Version(), 10))
	return b.String()
}

// ageRefs are the times behind every "… ago" on screen besides "updated":
// the saved listing's and the charted series'.
func (m *Model) ageRefs() []time.Time {
	refs := m.chartAges()
	if m.cat.fromDisk {
		refs = append(refs, m.cat.listedAt)
	}
	return refs
}

// chartAges are the fetch times of the charted series ("fetched … ago").
func (m *Model) chartAges() []time.Time {
	var out []time.Time
	for _, s := range m.charted() {
		if st := m.store.Get(s.ID); st != nil && !st.Fetched.IsZero() {
			out = append(out, st.Fetched)
		}
	}
	return out
}

// View is the screen: the last frame when no message changed it since.
func (m *Model) View() tea.View {
	if !m.frame.valid {
		m.frame.view, m.frame.valid, m.frame.state = m.compose(), true, m.visibleState()
		m.frame.count++
	}
	return m.frame.view
}

// FPS is the frame rate to run the dashboard at (tea.WithFPS): Bubble
// Tea's renderer wakes on a ticker at this rate even when idle, so the
// rate is the idle CPU floor (measured: 60 fps 1.0 %, 20 fps 0.4 %, 5 fps
// 0.1 % of a core for a program that draws nothing), while a key press is
// on screen within one frame, 50 ms at 20 fps.
const FPS = 20
