package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/prompt"
	"github.com/segdash/segdash/ui/series"
)

// handleKey dispatches a key press: to the open prompt or screen first,
// then to the dashboard's bindings.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case msg.String() == "ctrl+c":
		return m.quit()
	case m.name.Active():
		return m.nameKey(msg)
	case m.filter.Active():
		return m.filterKey(msg)
	case m.help.Active():
		if key.Matches(msg, k.Help, k.Escape) {
			m.help.Close()
		} else if key.Matches(msg, k.Quit) {
			return m.quit()
		} else {
			m.help.Update(msg)
		}
		return nil
	case m.details.Active():
		if key.Matches(msg, k.Escape, k.Details) {
			m.details.Close()
			return nil
		}
		if key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown) {
			m.details.Update(msg) // a short pane scrolls
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
	case key.Matches(msg, k.Escape): // back one level: focus, then filter
		if m.chart.Solo() {
			m.chart.SetSolo(false)
		} else if m.list.Filter() != "" {
			m.filter.SetValue("")
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
		m.list.ClearSelection()
		m.chart.SetSolo(false)
		m.watch.current, m.watch.problems = "", nil
	case key.Matches(msg, k.Filter):
		return m.filter.Open(m.list.Filter()), true
	case key.Matches(msg, k.TagFilter):
		m.nextTag()
	case key.Matches(msg, k.Sort):
		m.list.CycleSort()
		return tea.Batch(m.ensureSeries(), m.status.SetNotice("sorted by "+m.list.Sort().String())), true
	case key.Matches(msg, k.Window):
		w := series.Windows()
		i := int(msg.String()[0] - '1')
		if i < 0 || i >= len(w) || !m.store.SetLength(w[i]) {
			return nil, true
		}
	case key.Matches(msg, k.Back):
		m.store.Shift(-7, client.DateOf(m.c.Now().UTC()))
	case key.Matches(msg, k.Forward):
		m.store.Shift(7, client.DateOf(m.c.Now().UTC()))
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
	case key.Matches(msg, k.Normalise):
		m.chart.ToggleNormal()
	case key.Matches(msg, k.Details):
		return m.detailsCmd()
	case key.Matches(msg, k.Refresh):
		return m.refetch(false, manualMaxAge)
	case key.Matches(msg, k.RefreshAll):
		return m.refreshAll()
	case key.Matches(msg, k.Pause):
		paused, cmd := m.live.TogglePause()
		if paused {
			return m.status.SetNotice("live refresh paused")
		}
		return tea.Batch(cmd, m.refetch(true, 0))
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
		m.mouseOff = !m.mouseOff
		if m.mouseOff {
			return m.status.SetNotice("mouse off: select text to copy; m turns it back on")
		}
		return m.status.SetNotice("mouse on")
	}
	return nil
}

// filterKey handles a key or a paste while the filter prompt is open; the
// list follows every keystroke.
func (m *Model) filterKey(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "down" || k.String() == "up") {
		m.filter.Close()
		return m.handleKey(k)
	}
	ev, cmd := m.filter.Update(msg)
	switch ev {
	case prompt.Canceled:
		m.filter.Close()
		m.filter.SetValue("")
	case prompt.Submitted:
		m.filter.Close()
		return m.ensureSeries()
	}
	m.applyFilter()
	return tea.Batch(cmd, m.ensureSeries())
}

func (m *Model) applyFilter() { m.list.SetFilter(m.filter.Value()) }

// nextTag cycles the tag:NAME term of the filter through the known tags.
func (m *Model) nextTag() {
	tags := m.allTags()
	if len(tags) == 0 {
		return
	}
	var words []string
	cur := ""
	for w := range strings.FieldsSeq(m.list.Filter()) {
		if t, ok := strings.CutPrefix(strings.ToLower(w), "tag:"); ok {
			cur = t
			continue
		}
		words = append(words, w)
	}
	next := tags[0]
	if i := slices.Index(tags, cur); i >= 0 {
		if i+1 == len(tags) {
			next = "" // past the last tag: no tag filter
		} else {
			next = tags[i+1]
		}
	}
	if next != "" {
		words = append(words, "tag:"+next)
	}
	m.filter.SetValue(strings.Join(words, " "))
	m.applyFilter()
}

// allTags lists the workspace's tags, sorted, lower case.
func (m *Model) allTags() []string {
	set := map[string]bool{}
	for _, s := range m.list.All() {
		for _, t := range s.Tags {
			set[strings.ToLower(t)] = true
		}
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// handleMouse: a click focuses a row, the wheel scrolls.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.mouseOff || m.help.Active() {
		return nil
	}
	mouse := msg.Mouse()
	l := m.layoutFor()
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
