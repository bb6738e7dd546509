package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/prompt"
	"github.com/segdash/segdash/ui/components/tagpicker"
	"github.com/segdash/segdash/ui/series"
)

// handleKey dispatches a key press: to the open prompt or screen first,
// then to the dashboard's bindings.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case msg.String() == "ctrl+c":
		return m.quit()
	case m.over.name.Active():
		return m.nameKey(msg)
	case m.over.filter.Active():
		return m.filterKey(msg)
	case m.over.tags.Active():
		return m.tagKey(msg)
	case m.scan.view.Active():
		return m.scanKey(msg)
	case m.over.help.Active():
		if key.Matches(msg, k.Help, k.Escape) {
			m.over.help.Close()
		} else if key.Matches(msg, k.Quit) {
			return m.quit()
		} else {
			m.over.help.Update(msg)
		}
		return nil
	case m.over.details.Active():
		if key.Matches(msg, k.Escape, k.Details) {
			m.over.details.Close()
			return nil
		}
		if key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown) {
			m.over.details.Update(msg) // a short pane scrolls
			return nil
		}
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
	case key.Matches(msg, k.Earlier, k.Later):
		step := 1
		if key.Matches(msg, k.Earlier) {
			step = -1
		}
		if m.chart.HasChart() {
			m.chart.MoveCursor(step)
		}
		return nil, true
	case m.chart.CursorShown() && key.Matches(msg, k.FirstDay):
		m.chart.CursorToStart()
		return nil, true
	case m.chart.CursorShown() && key.Matches(msg, k.LastDay):
		m.chart.CursorToEnd()
		return nil, true
	case key.Matches(msg, k.Escape): // back one level: day cursor, focus, then filter
		if m.chart.CursorShown() {
			m.chart.HideCursor()
		} else if m.chart.Solo() {
			m.chart.SetSolo(false)
		} else if m.list.Filter() != "" {
			m.over.filter.SetValue("")
			m.applyFilter()
		}
	case key.Matches(msg, k.Up):
		m.list.Move(-1)
	case key.Matches(msg, k.Down):
		m.list.Move(1)
	case key.Matches(msg, k.PageUp):
		m.list.Move(-m.list.Page())
	case key.Matches(msg, k.PageDown):
		m.list.Move(m.list.Page())
	case key.Matches(msg, k.Top):
		m.list.Top()
	case key.Matches(msg, k.Bottom):
		m.list.Bottom()
	case key.Matches(msg, k.Select):
		m.list.Toggle()
		m.chart.SetSolo(false)
	case key.Matches(msg, k.Focus):
		m.chart.SetSolo(!m.chart.Solo())
	case key.Matches(msg, k.ClearSelection):
		m.ClearSelection()
		if len(m.share.guests) > 0 {
			return tea.Batch(m.ensureSeries(), func() tea.Msg { return ClearAllMsg{Origin: m.c.Origin} }), true
		}
	case key.Matches(msg, k.Filter):
		return m.over.filter.Open(m.list.Filter()), true
	case key.Matches(msg, k.TagFilter):
		return m.openTags(), true
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
		m.over.help.Open()
	case key.Matches(msg, k.Normalise):
		m.chart.ToggleNormal()
	case key.Matches(msg, k.Details):
		return m.detailsCmd()
	case key.Matches(msg, k.Scan):
		if m.opts.Offline {
			return m.status.SetNotice("offline: a scan needs the API")
		}
		return m.openScan()
	case key.Matches(msg, k.Flagged):
		return m.toggleFlagged()
	case key.Matches(msg, k.Refresh):
		return m.refetch(false, manualMaxAge)
	case key.Matches(msg, k.RefreshAll):
		return m.refreshAll()
	case key.Matches(msg, k.Pause):
		paused, cmd := m.live.TogglePause()
		if paused {
			return m.status.SetNotice("live refresh paused")
		}
		return tea.Batch(cmd, m.status.SetNotice("live refresh resumed"), m.refetch(true, 0))
	case key.Matches(msg, k.Faster), key.Matches(msg, k.Slower):
		dir := 1
		if key.Matches(msg, k.Faster) {
			dir = -1
		}
		every, cmd := m.live.Step(dir)
		return tea.Batch(cmd, m.status.SetNotice("refresh every "+common.ShortDuration(every)))
	case key.Matches(msg, k.Copy):
		return m.copyCmd()
	case key.Matches(msg, k.Export):
		return m.exportCmd()
	case key.Matches(msg, k.NextWatchlist):
		return m.nextWatchlist()
	case key.Matches(msg, k.SaveWatchlist):
		return m.startNaming()
	case key.Matches(msg, k.Mouse):
		m.opts.NoMouse = !m.opts.NoMouse
		if m.opts.NoMouse {
			return m.status.SetNotice("select text to copy; m turns the mouse back on") // the bar already says "mouse off"
		}
		return m.status.SetNotice("mouse on")
	}
	return nil
}

// filterKey handles a key or a paste while the filter prompt is open; the
// list follows every keystroke. The prompt is modal, as in fzf and k9s: it
// stays until enter or esc; the arrows (and ctrl+j/k, pgup/pgdn) move the
// list's cursor while typing goes on, and letters always go to the prompt.
func (m *Model) filterKey(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if n, move := common.PromptMove(k, m.list.Page()); move {
			m.list.Move(n)
			return m.ensureSeries()
		}
	}
	ev, cmd := m.over.filter.Update(msg)
	switch ev {
	case prompt.Canceled:
		m.over.filter.Close()
		m.over.filter.SetValue("")
	case prompt.Submitted:
		m.over.filter.Close()
		return m.ensureSeries()
	}
	m.applyFilter()
	return tea.Batch(cmd, m.ensureSeries())
}

func (m *Model) applyFilter() { m.list.SetFilter(m.over.filter.Value()) }

// openTags shows the tag picker, its cursor on the filter's tag if any.
func (m *Model) openTags() tea.Cmd {
	tags := tagpicker.Count(m.list.All())
	if len(tags) == 0 {
		return m.status.SetNotice("no segment has a tag")
	}
	cur := ""
	for w := range strings.FieldsSeq(strings.ToLower(m.list.Filter())) {
		if t, ok := strings.CutPrefix(w, "tag:"); ok {
			cur = t
		}
	}
	return m.over.tags.Open(tags, cur)
}

// tagKey handles a key or paste while the tag picker is open: the picked
// tag replaces the filter's tag:NAME term; its other words stay.
func (m *Model) tagKey(msg tea.Msg) tea.Cmd {
	ev, cmd := m.over.tags.Update(msg)
	switch ev {
	case tagpicker.Canceled:
		m.over.tags.Close()
	case tagpicker.Picked:
		t, _ := m.over.tags.Picked()
		m.over.tags.Close()
		words := []string{}
		for w := range strings.FieldsSeq(m.list.Filter()) {
			if !strings.HasPrefix(strings.ToLower(w), "tag:") {
				words = append(words, w)
			}
		}
		m.over.filter.SetValue(strings.Join(append(words, "tag:"+t.Name), " "))
		m.applyFilter()
		return m.ensureSeries()
	}
	return cmd
}

// handleMouse: a click focuses a row, the wheel scrolls.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.opts.NoMouse || m.over.help.Active() {
		return nil
	}
	mouse := msg.Mouse()
	l := m.layoutFor()
	if click, ok := msg.(tea.MouseClickMsg); ok && click.Button == tea.MouseLeft && !m.over.details.Active() && !m.scan.view.Active() {
		// A click on the chart sets the day cursor there.
		if m.chart.Click(mouse.X-l.chartX, mouse.Y-l.chartY) {
			return nil
		}
	}
	x, y := mouse.X-l.listX, mouse.Y-l.listY
	if x < 0 || x >= l.listW || y < 0 || y >= l.listH {
		return nil
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.list.Scroll(-3)
		case tea.MouseWheelDown:
			m.list.Scroll(3)
		}
		return m.ensureSeries()
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return nil
		}
		if i, ok := m.list.RowAt(y); ok {
			m.list.SetCursor(i)
			return m.ensureSeries()
		}
	}
	return nil
}
