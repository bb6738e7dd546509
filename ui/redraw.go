package ui

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/live"
)

// frameCache keeps the last frame: Bubble Tea asks for View after every
// message, and a frame is drawn again only when a message changed
// something on screen.
type frameCache struct {
	view     tea.View
	valid    bool   // view is the screen as it is
	state    string // visibleState when view was drawn
	count    int    // frames drawn, for tests and measurements
	unrouted bool   // route had no case for the message
}

// Update routes one message to the part that owns it, decides whether the
// screen changed, and keeps the age ticker set. It never does I/O.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.frame.unrouted = false
	_, cmd := m.route(msg)
	m.status.SetKeys(m.modeKeys()) // the footer follows the mode
	if m.frame.valid && (!m.isQuiet(msg) || m.visibleState() != m.frame.state) {
		m.frame.valid = false
	}
	return m, tea.Batch(cmd, m.live.WatchAges(m.ageRefs()...))
}

// isQuiet reports whether msg is a timer, a series reply, a save or a
// message route had no case for (a notice's expiry, a terminal report):
// one that changes the screen only through what visibleState sums up.
// Everything else (keys, the mouse, a resize, the listing's end, any
// message added later) redraws.
func (m *Model) isQuiet(msg tea.Msg) bool {
	switch msg.(type) {
	case live.AgeMsg, live.RefreshMsg, live.RateMsg, live.RetryMsg, tea.FocusMsg, tea.BlurMsg,
		segmentsProgressMsg, seriesLoadedMsg, seriesBatchMsg, saveSnapshotMsg, snapshotSavedMsg:
		return true
	}
	return m.frame.unrouted
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
	for _, g := range m.share.shown(m.chart.Solo()) {
		if g.State != nil && !g.State.Fetched.IsZero() {
			out = append(out, g.State.Fetched)
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
