package segmentlist

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
)

// KeyMap is the list's keys: moving the cursor.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// KeyMapOf takes the list's bindings from the dashboard's (one place
// defines them all, for the help screen).
func KeyMapOf(k common.KeyMap) KeyMap {
	return KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom}
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
	default:
		return nil, false
	}
	return nil, true
}

// inside reports whether the cell x, y is in the list's size.
func (m *Model) inside(x, y int) bool { return x >= 0 && x < m.width && y >= 0 && y < m.height }
