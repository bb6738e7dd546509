package ui

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/filter"
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
	// quitting: the program ends after this frame, drawn empty so that
	// nothing of the dashboard can reach the shell's screen (tmux after
	// the window grew printed the last frame's lines there).
	quitting bool
}

// Update routes one message to the part that owns it, decides whether the
// screen changed, and keeps the age ticker set. It never does I/O.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.frame.unrouted = false
	_, cmd := m.route(msg)
	// The footer's right end says what the next key does here, as lazygit
	// and gh-dash show it: the overlay on top's keys, the day cursor's, the
	// focus's or the filter's; "" leaves the dashboard's "? help  q quit".
	keys := ""
	switch top := m.over.Top(); {
	case top != nil && top.Hint() != "":
		keys = top.Hint()
	case m.chart.CursorShown():
		keys = "←→ day · home/end · esc hide cursor"
	case m.chart.Solo() && m.list.SelectedCount() > 0:
		keys = "esc back to the comparison · ? help"
	case m.list.Filter() != "":
		keys = "esc clear filter · ? help  q quit"
	}
	m.status.SetKeys(keys)
	if m.frame.valid && (!m.frame.quiet(msg) || m.visibleState() != m.frame.state) {
		m.frame.valid = false
	}
	return m, tea.Batch(cmd, m.live.WatchAges(m.ageRefs()...))
}

// quiet reports whether msg is a timer, a series reply, a save or a
// message route had no case for (a notice's expiry, a terminal report):
// one that changes the screen only through what visibleState sums up.
// Everything else (keys, the mouse, a resize, the listing's end, any
// message added later) redraws.
func (f *frameCache) quiet(msg tea.Msg) bool {
	switch msg.(type) {
	case live.AgeMsg, live.RefreshMsg, live.RateMsg, live.RetryMsg, tea.FocusMsg, tea.BlurMsg,
		segmentsProgressMsg, seriesLoadedMsg, seriesBatchMsg, saveSnapshotMsg, snapshotSavedMsg:
		return true
	}
	return f.unrouted
}

// visibleState sums up what quiet messages can change on screen: the
// status bar's text (ages, counts, notice, countdown), the chart's age
// labels and every change of a series shown. Equal to what it was when
// the last frame was drawn, that frame stays.
func (m *Model) visibleState() string {
	var b strings.Builder
	fields, _ := m.statusFields()
	for _, f := range fields {
		b.WriteString(f)
		b.WriteByte(0)
	}
	b.WriteString(m.status.Notice())
	_, optional := m.statusFields()
	b.WriteString(strings.Join(optional, ""))
	now := m.c.Now()
	for _, t := range m.ageRefs() {
		b.WriteByte(0)
		b.WriteString(common.Ago(now.Sub(t)))
	}
	b.WriteByte(0)
	b.WriteString(strconv.FormatInt(m.store.Version(), 10))
	return b.String()
}

// ageRefs are the times behind every "… ago" on screen besides "updated":
// the charted series' ("fetched … ago") and the saved listing's.
func (m *Model) ageRefs() []time.Time {
	var out []time.Time
	if m.cat.fromDisk {
		out = append(out, m.cat.listedAt)
	}
	if at := m.list.Scanned(); !at.IsZero() && m.list.ByData() {
		out = append(out, at) // the title's "scan 5m ago"
	}
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
// A frame is a pure function of the model.
func (m *Model) View() tea.View {
	if m.frame.quitting {
		v := tea.NewView("")
		v.AltScreen = true
		return v
	}
	if m.frame.valid {
		return m.frame.view
	}
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.ReportFocus = true
	v.WindowTitle = "segdash"
	if !m.opts.NoMouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	switch o := m.over.Covers(m.filter, m.filter.Tags()).(type) {
	case *filter.Model:
		v.Cursor = o.Cursor()
	case *filter.Tags:
		v.Cursor = o.Cursor()
	}
	m.frame.view, m.frame.valid, m.frame.state = v, true, m.visibleState()
	m.frame.count++
	return v
}

// FPS is the frame rate to run the dashboard at (tea.WithFPS): Bubble
// Tea's renderer wakes on a ticker at this rate even when idle, so the
// rate is the idle CPU floor (measured: 60 fps 1.0 %, 20 fps 0.4 %, 5 fps
// 0.1 % of a core for a program that draws nothing), while a key press is
// on screen within one frame, 50 ms at 20 fps.
const FPS = 20
