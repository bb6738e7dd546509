package details

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
)

// LoadedMsg answers a details fetch.
type LoadedMsg struct {
	common.Origin
	ID      string
	Details *client.Details
	Err     error
}

// Model is the details view in the chart pane: closed, loading, loaded or
// failed, in a viewport that scrolls when the pane is short.
type Model struct {
	c       *common.Common
	cache   *client.Cache // asked for the details; nil: nothing is asked
	offline bool          // the dashboard shows the last run's data and asks nothing
	vp      viewport.Model
	open    bool
	seg     client.Segment
	details *client.Details
	err     error
}

// New returns closed details, asked of cache (none offline).
func New(c *common.Common, cache *client.Cache, offline bool) *Model {
	return &Model{c: c, cache: cache, offline: offline, vp: common.NewViewport()}
}

// Open shows seg's details, loading until Update receives them, and asks
// for them.
func (m *Model) Open(seg client.Segment) tea.Cmd {
	m.open, m.seg, m.details, m.err = true, seg, nil, nil
	m.vp.GotoTop()
	switch {
	case m.offline:
		m.err = &client.Error{Kind: client.ErrOffline, Endpoint: "/segments/details"}
		return nil
	case m.cache == nil:
		return nil
	}
	ctx, cache, id, origin := m.c.Ctx, m.cache, seg.ID, m.c.Origin
	return func() tea.Msg {
		d, err := cache.Details(ctx, id, 0)
		return LoadedMsg{Origin: origin, ID: id, Details: d, Err: err}
	}
}

// Close hides the details.
func (m *Model) Close() { m.open = false }

// Active reports whether details are shown.
func (m *Model) Active() bool { return m.open }

// Hint is the footer's keys while the details are shown.
func (m *Model) Hint() string { return "↑↓ scroll · esc close" }

// SetSize sets the pane's cells.
func (m *Model) SetSize(w, h int) {
	m.vp.SetWidth(w)
	m.vp.SetHeight(h)
}

// Update takes the details of the segment shown, and the keys while the
// details are on top: esc or d closes them, the arrows and pages scroll (a
// short pane); the other keys are the dashboard's, which stays usable
// beside them.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	k := m.c.Keys
	switch msg := msg.(type) {
	case LoadedMsg:
		if m.open && msg.ID == m.seg.ID {
			m.details, m.err = msg.Details, msg.Err
		}
		return nil, true
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Escape, k.Details):
			m.Close()
			return nil, true
		case key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown):
			m.vp, _ = m.vp.Update(msg)
			return nil, true
		}
	}
	return nil, false
}

// View draws the details in the pane's size.
func (m *Model) View() string {
	w, h := m.vp.Width(), m.vp.Height()
	if w <= 0 || h <= 0 {
		return ""
	}
	m.vp.SetContent(strings.Join(Lines(m.seg, m.details, m.err, m.c.Styles, w), "\n"))
	return m.vp.View()
}
