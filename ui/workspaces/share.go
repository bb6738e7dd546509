package workspaces

import (
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
	var guests []chartpane.Guest
	var stamp strings.Builder
	before := 0
	for i, o := range m.models {
		if o == nil || i == m.active || o.SelectedCount() == 0 {
			continue
		}
		g, s := o.Lent(m.spaces[i].Name)
		guests = append(guests, g...)
		if i < m.active {
			before = len(guests)
		}
		stamp.WriteString(s)
		stamp.WriteByte(0)
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
			cmds = append(cmds, wrap(i, o.Lend(w)))
		}
	}
	return tea.Batch(cmds...)
}

// quit saves every open workspace's data for the next start (the one on
// screen saved its own before it asked to quit), then quits.
func (m *Model) quit() tea.Cmd {
	var cmds []tea.Cmd
	for i, d := range m.models {
		if d != nil && i != m.active {
			if save := d.SaveNow(); save != nil {
				cmds = append(cmds, save)
			}
		}
	}
	return tea.Sequence(append(cmds, tea.Quit)...)
}
