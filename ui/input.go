package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/series"
)

// handleKey dispatches a key press: ctrl+c quits from anywhere; then the
// overlay on top takes it, unless it lets it through to the dashboard's
// bindings.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	if cmd, ok := m.over.Update(msg); ok {
		return cmd
	}
	solo := m.chart.Solo()
	if cmd, ok := m.chart.Update(msg); ok {
		if m.chart.Solo() != solo {
			cmd = tea.Batch(cmd, m.ensureSeries()) // what is charted changed
		}
		return cmd
	}
	if cmd, ok := m.list.Update(msg); ok {
		return tea.Batch(cmd, m.ensureSeries()) // whatever came on screen gets fetched
	}
	if cmd, ok := m.listKey(msg); ok {
		return cmd
	}
	return m.commandKey(msg)
}

// listKey handles the keys that move in the list or change what it shows.
func (m *Model) listKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Escape): // back one level: day cursor, focus, then filter
		if m.chart.CursorShown() {
			m.chart.HideCursor()
		} else if m.chart.Solo() {
			m.chart.SetSolo(false)
		} else if m.list.Filter() != "" {
			m.filter.Clear()
		}
	case key.Matches(msg, k.Select):
		m.list.Toggle()
		m.chart.SetSolo(false)
	case key.Matches(msg, k.ClearSelection):
		m.clearSelection()
		if len(m.share.guests) > 0 {
			return tea.Batch(m.ensureSeries(), func() tea.Msg { return ClearAllMsg{Origin: m.c.Origin} }), true
		}
	case key.Matches(msg, k.Filter):
		m.over.Push(m.filter)
		return m.filter.Open(), true
	case key.Matches(msg, k.TagFilter):
		m.over.Push(m.filter.Tags())
		return m.filter.Tags().Open(m.status.SetNotice), true
	case key.Matches(msg, k.Sort):
		m.list.CycleSort()
		return tea.Batch(m.ensureSeries(), m.status.SetNotice(m.list.SortBrief())), true
	case key.Matches(msg, k.ReverseSort):
		m.list.Reverse()
		return tea.Batch(m.ensureSeries(), m.status.SetNotice(m.list.SortBrief())), true
	case key.Matches(msg, k.Window):
		w := series.Windows()
		i := int(msg.String()[0] - '1')
		if i < 0 || i >= len(w) || !m.store.SetLength(w[i]) {
			return nil, true
		}
	case key.Matches(msg, k.Back):
		m.store.Shift(-m.store.Step(), client.DateOf(m.c.Now().UTC()))
	case key.Matches(msg, k.Forward):
		m.store.Shift(m.store.Step(), client.DateOf(m.c.Now().UTC()))
	case key.Matches(msg, k.Previous):
		notice := "previous period hidden"
		if m.store.TogglePrevious() {
			notice = "vs the previous period (on one segment's chart)"
		}
		return tea.Batch(m.ensureSeries(), m.status.SetNotice(notice)), true
	case key.Matches(msg, k.ToNow):
		before := m.store.Label()
		// A shift past the newest data returns the window to "up to now"
		// (Store.Shift's contract); a century is past it.
		m.store.Shift(36500, client.DateOf(m.c.Now().UTC()))
		if m.store.Label() == before {
			return m.status.SetNotice("the window already ends now"), true
		}
	default:
		return nil, false
	}
	// Whatever came on screen or into the chart gets fetched.
	return m.ensureSeries(), true
}

// commandKey handles the keys that act: refresh, pause, export and so on.
func (m *Model) commandKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.help.Open()
		m.over.Push(m.help)
	case key.Matches(msg, k.Details):
		s, ok := m.list.Cursor()
		if !ok {
			return nil
		}
		m.over.Push(m.details)
		return m.details.Open(s)
	case key.Matches(msg, k.Scan):
		if m.opts.Offline {
			return m.status.SetNotice("offline: a scan needs the API")
		}
		m.over.Push(m.scan)
		return m.scan.Open(m.scanScope())
	case key.Matches(msg, k.Flagged):
		return m.toggleFlagged()
	case key.Matches(msg, k.Refresh):
		return m.refetch(false, manualMaxAge, manualMaxAge)
	case key.Matches(msg, k.RefreshAll):
		// The list and every row on screen, asked again.
		switch {
		case m.opts.Offline:
			return m.status.SetNotice("offline: showing the data of the last run only")
		case m.cat.authErr != nil || !m.cat.loaded || m.cat.fromDisk:
			return m.loadSegmentsCmd(client.Fresh)
		}
		return tea.Batch(m.loadSegmentsCmd(manualMaxAge), m.refetch(true, manualMaxAge, manualMaxAge))
	case key.Matches(msg, k.Pause):
		paused, cmd := m.live.TogglePause()
		if paused {
			return m.status.SetNotice("live refresh paused")
		}
		return tea.Batch(cmd, m.status.SetNotice("live refresh resumed"), m.refetch(true, 0, 0))
	case key.Matches(msg, k.Faster), key.Matches(msg, k.Slower):
		dir := 1
		if key.Matches(msg, k.Faster) {
			dir = -1
		}
		every, cmd := m.live.Step(dir)
		return tea.Batch(cmd, m.status.SetNotice("refresh every "+common.ShortDuration(every)))
	case key.Matches(msg, k.Copy):
		return m.exportCmd(true)
	case key.Matches(msg, k.Export):
		return m.exportCmd(false)
	case key.Matches(msg, k.NextWatchlist):
		return m.watch.Next()
	case key.Matches(msg, k.SaveWatchlist):
		m.over.Push(m.watch)
		return m.watch.Open()
	case key.Matches(msg, k.Mouse):
		m.opts.NoMouse = !m.opts.NoMouse
		if m.opts.NoMouse {
			return m.status.SetNotice("select text to copy; m turns the mouse back on") // the bar already says "mouse off"
		}
		return m.status.SetNotice("mouse on")
	}
	return nil
}

// handleMouse: an overlay that covers the screen (help) takes the mouse
// first; then a click on the chart sets its day cursor, and the list takes
// the wheel and the clicks on its rows. Each is given the mouse in its own
// cells.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.opts.NoMouse {
		return nil
	}
	if cmd, ok := m.over.Update(msg); ok {
		return cmd
	}
	l := m.layoutFor()
	if m.over.Covers(m.scan, m.details) == nil {
		if cmd, ok := m.chart.Update(within(msg, l.chartX, l.chartY)); ok {
			return cmd
		}
	}
	if cmd, ok := m.list.Update(within(msg, l.listX, l.listY)); ok {
		return tea.Batch(cmd, m.ensureSeries()) // whatever came on screen gets fetched
	}
	return nil
}

// within is msg with its cells counted from a pane's top left corner at
// x, y.
func within(msg tea.MouseMsg, x, y int) tea.Msg {
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		msg.X, msg.Y = msg.X-x, msg.Y-y
		return msg
	case tea.MouseWheelMsg:
		msg.X, msg.Y = msg.X-x, msg.Y-y
		return msg
	}
	return msg
}
