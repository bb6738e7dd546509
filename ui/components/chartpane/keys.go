package chartpane

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
)

// KeyMap is the chart pane's keys: the day cursor, the focus on one
// segment, the indexed view.
type KeyMap struct {
	Earlier, Later, FirstDay, LastDay key.Binding
	Focus, Normalise                  key.Binding
}

// KeyMapOf takes the chart pane's bindings from the dashboard's (one
// place defines them all, for the help screen).
func KeyMapOf(k common.KeyMap) KeyMap {
	return KeyMap{Earlier: k.Earlier, Later: k.Later, FirstDay: k.FirstDay, LastDay: k.LastDay,
		Focus: k.Focus, Normalise: k.Normalise}
}

// Update handles the chart pane's keys: ←/→ move the day cursor (shown at
// the first press), home/end take it to the first or last day while it
// shows (otherwise they are the list's), enter focuses on the cursor's
// segment or goes back to the comparison, n indexes the lines. What the
// chart shows may change (Solo): the dashboard fetches then.
//
// A left click (in the pane's cells) on the plot sets the day cursor there.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	if click, ok := msg.(tea.MouseClickMsg); ok {
		return nil, click.Button == tea.MouseLeft && m.Click(click.X, click.Y)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, m.keys.Earlier):
		if m.HasChart() {
			m.MoveCursor(-1)
		}
	case key.Matches(k, m.keys.Later):
		if m.HasChart() {
			m.MoveCursor(1)
		}
	case m.CursorShown() && key.Matches(k, m.keys.FirstDay):
		m.CursorToStart()
	case m.CursorShown() && key.Matches(k, m.keys.LastDay):
		m.CursorToEnd()
	case key.Matches(k, m.keys.Focus):
		m.solo = !m.solo
	case key.Matches(k, m.keys.Normalise):
		m.ToggleNormal()
	default:
		return nil, false
	}
	return nil, true
}
