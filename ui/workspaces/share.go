package workspaces

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/components/chartpane"
)

// The selection spans the workspaces: each dashboard keeps its own part,
// and the one on screen charts the others' parts beside its own, in its
// window (the same segment in the US and EU instances side by side). A
// dashboard off screen fetches and refreshes only its part.

// share lends the window on screen to the dashboards off screen when it
// changed, and gives the dashboard on screen the others' selections.
func (m *Model) share() tea.Cmd {
	d := m.models[m.active]
	if d == nil {
		return nil
	}
	cmd := m.lend(false)
	var stamp strings.Builder
	for i, o := range m.models {
		if o != nil && i != m.active && o.SelectedCount() > 0 {
			fmt.Fprintf(&stamp, "%d:%s\x00", i, o.LentStamp())
		}
	}
	if stamp.String() == d.GuestStamp() {
		return cmd // nothing lent changed: the guests are as given
	}
	var guests []chartpane.Guest
	before := 0
	for i, o := range m.models {
		if o == nil || i == m.active || o.SelectedCount() == 0 {
			continue
		}
		guests = append(guests, o.Lent(m.spaces[i].Name)...)
		if i < m.active {
			before = len(guests)
		}
	}
	d.SetGuests(m.spaces[m.active].Name, guests, before, stamp.String())
	return cmd
}

// lend gives every dashboard off screen the window of the one on screen:
// always after a switch, otherwise when that window moved.
func (m *Model) lend(always bool) tea.Cmd {
	w := m.models[m.active].Window()
	if !always && w == m.lent {
		return nil
	}
	m.lent = w
	var cmds []tea.Cmd
	for i, o := range m.models {
		if o != nil && i != m.active {
			cmds = append(cmds, o.Lend(w))
		}
	}
	return tea.Batch(cmds...)
}

// quit saves every open workspace's data for the next start (workspace
// from, which asked to quit, first), then quits: a tea.Sequence the
// program runs in order. Each save's answer names its own workspace.
func (m *Model) quit(from int) tea.Cmd {
	var cmds []tea.Cmd
	if from >= 0 && from < len(m.models) && m.models[from] != nil {
		cmds = append(cmds, m.models[from].SaveNow())
	}
	for i, d := range m.models {
		if d != nil && i != from {
			cmds = append(cmds, d.SaveNow())
		}
	}
	m.quitting = true
	return tea.Sequence(append(cmds, tea.Quit)...)
}
