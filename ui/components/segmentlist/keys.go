package segmentlist

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
)

// KeyMap is the list's keys: moving the cursor.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom, NextFailing key.Binding
}

// KeyMapOf takes the list's bindings from the dashboard's (one place
// defines them all, for the help screen).
func KeyMapOf(k common.KeyMap) KeyMap {
	return KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom,
		NextFailing: k.NextFailing}
}

// Update moves the cursor by the list's keys, and by the mouse in the
// list's cells: the wheel scrolls, a left click on a row puts the cursor
// there. The dashboard fetches what came on screen.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if !m.inside(msg.X, msg.Y) {
			return nil, false
		}
		switch msg.Button {
		case tea.MouseWheelUp:
			m.Scroll(-3)
		case tea.MouseWheelDown:
			m.Scroll(3)
		}
		return nil, true
	case tea.MouseClickMsg:
		if !m.inside(msg.X, msg.Y) || msg.Button != tea.MouseLeft {
			return nil, false
		}
		i, ok := m.RowAt(msg.Y)
		if ok {
			m.SetCursor(i)
		}
		return nil, ok
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.Move(-1)
	case key.Matches(k, m.keys.Down):
		m.Move(1)
	case key.Matches(k, m.keys.PageUp):
		m.Move(-m.Page())
	case key.Matches(k, m.keys.PageDown):
		m.Move(m.Page())
	case key.Matches(k, m.keys.Top):
		m.top()
	case key.Matches(k, m.keys.Bottom):
		m.bottom()
	case key.Matches(k, m.keys.NextFailing):
		if !m.nextFailing() && m.notice != nil {
			return m.notice("no row is failing"), true
		}
	default:
		return nil, false
	}
	return nil, true
}

// inside reports whether the cell x, y is in the list's size.
func (m *Model) inside(x, y int) bool { return x >= 0 && x < m.width && y >= 0 && y < m.height }

// failing reports whether segment s's last fetch failed (a segment
// without analytics tracking is not failing: Braze keeps no sizes for it).
func (m *Model) failing(s client.Segment) bool {
	sum := m.sums[s.ID]
	return sum.Err != "" && !sum.Untracked && s.AnalyticsTrackingEnabled
}

// Failing counts the rows whose last fetch failed and has not succeeded
// since, on screen or not.
func (m *Model) Failing() int {
	n := 0
	for id, sum := range m.sums {
		if i, ok := m.index[id]; ok && sum.Err != "" && m.failing(m.all[i]) {
			n++
		}
	}
	return n
}

// nextFailing moves the cursor to the next row below it whose last fetch
// failed, wrapping round to the top; it reports whether there was one.
func (m *Model) nextFailing() bool {
	for step := 1; step <= len(m.view); step++ {
		i := (m.cursor + step) % len(m.view)
		if m.failing(m.all[m.view[i]]) {
			m.SetCursor(i)
			return true
		}
	}
	return false
}

// SetNotice gives the list the status bar's notice, to say when a key
// finds nothing to do.
func (m *Model) SetNotice(notice func(string) tea.Cmd) { m.notice = notice }
