package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
)

// handleKey dispatches a key press.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	if m.naming {
		return m.handleNamingKey(msg)
	}
	if m.filtering {
		return m.handleFilterKey(msg)
	}
	if m.showHelp {
		if key.Matches(msg, k.Help, k.Escape) {
			m.showHelp = false
		} else if key.Matches(msg, k.Quit) {
			return m.quit()
		}
		return nil
	}
	if m.details != nil && key.Matches(msg, k.Escape, k.Details) {
		m.details = nil
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.showHelp = true
	case key.Matches(msg, k.Escape): // back one level: focus, then filter
		if m.solo {
			m.solo = false
			return m.ensureSeries()
		}
		if m.list.Filter() != "" {
			m.filter.SetValue("")
			m.applyFilter()
			return m.ensureSeries()
		}
	case key.Matches(msg, k.Up):
		return m.moved(func() { m.list.Move(-1) })
	case key.Matches(msg, k.Down):
		return m.moved(func() { m.list.Move(1) })
	case key.Matches(msg, k.PageUp):
		return m.moved(func() { m.list.Move(-m.list.Page()) })
	case key.Matches(msg, k.PageDown):
		return m.moved(func() { m.list.Move(m.list.Page()) })
	case key.Matches(msg, k.Top):
		return m.moved(m.list.Top)
	case key.Matches(msg, k.Bottom):
		return m.moved(m.list.Bottom)
	case key.Matches(msg, k.Select):
		m.list.Toggle()
		m.solo = false
		return m.ensureSeries()
	case key.Matches(msg, k.Focus):
		m.solo = !m.solo
		return m.ensureSeries()
	case key.Matches(msg, k.ClearSelection):
		m.list.ClearSelection()
		m.solo, m.watch, m.watchProblems = false, "", nil
		return m.ensureSeries()
	case key.Matches(msg, k.Filter):
		m.filtering = true
		m.filter.SetValue(m.list.Filter())
		m.filter.CursorEnd()
		return m.filter.Focus()
	case key.Matches(msg, k.TagFilter):
		m.nextTag()
		return m.ensureSeries()
	case key.Matches(msg, k.Sort):
		m.list.CycleSort()
		return tea.Batch(m.ensureSeries(), m.setNotice("sorted by "+m.list.Sort().String()))
	case key.Matches(msg, k.Normalise):
		m.normal = !m.normal
	case key.Matches(msg, k.Window):
		i := int(msg.String()[0] - '1')
		if i >= 0 && i < len(Windows) && Windows[i] != m.length {
			m.length = Windows[i]
			return m.ensureSeries()
		}
	case key.Matches(msg, k.Back):
		m.shiftWindow(-7)
		return m.ensureSeries()
	case key.Matches(msg, k.Forward):
		m.shiftWindow(7)
		return m.ensureSeries()
	case key.Matches(msg, k.Details):
		return m.detailsCmd()
	case key.Matches(msg, k.Refresh):
		return m.refetch(false, manualMaxAge)
	case key.Matches(msg, k.RefreshAll):
		if m.opts.Offline {
			return m.setNotice("offline: showing the data of the last run only")
		}
		if m.authErr != nil || !m.listLoaded || m.listFromDisk {
			return m.loadSegmentsCmd(true)
		}
		return m.refetch(true, manualMaxAge)
	case key.Matches(msg, k.Pause):
		m.paused = !m.paused
		if m.paused {
			m.tickGen++ // the running timer chain dies
			return m.setNotice("live refresh paused")
		}
		return tea.Batch(m.scheduleRefresh(), m.refetch(true, 0))
	case key.Matches(msg, k.Faster):
		return m.stepRefresh(-1)
	case key.Matches(msg, k.Slower):
		return m.stepRefresh(1)
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
			return m.setNotice("mouse off: select text to copy; m turns it back on")
		}
		return m.setNotice("mouse on")
	}
	return nil
}

// moved runs a cursor move and fetches what came on screen.
func (m *Model) moved(f func()) tea.Cmd {
	f()
	return m.ensureSeries()
}

func (m *Model) handleFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.filtering = false
		m.filter.Blur()
		m.filter.SetValue("")
		m.applyFilter()
		return m.ensureSeries()
	case "enter", "down", "up":
		m.filtering = false
		m.filter.Blur()
		if msg.String() != "enter" {
			return m.handleKey(msg)
		}
		return m.ensureSeries()
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
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
	for _, w := range strings.Fields(m.list.Filter()) {
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

// shiftWindow moves the window's end by days (back when negative); moving
// forward past the newest data returns to "up to now".
func (m *Model) shiftWindow(days int) {
	anchor := m.nowDay
	if anchor.IsZero() {
		anchor = client.DateOf(m.now().UTC())
	}
	end := m.end
	if end.IsZero() {
		end = anchor
	}
	end = end.AddDays(days)
	if !end.Before(anchor) {
		end = client.Date{}
	}
	m.end = end
}

// handleMouse: a click focuses a row, the wheel scrolls.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.mouseOff || m.showHelp {
		return nil
	}
	mouse := msg.Mouse()
	l := m.computeLayout()
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
