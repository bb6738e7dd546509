package workspaces

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// picker is the list of workspaces K opens.
type picker struct {
	open   bool
	cursor int
}

// pickerKey moves the picker's cursor, switches on enter, closes on esc.
func (m *Model) pickerKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "up", "k", "ctrl+p":
		m.picker.cursor = max(m.picker.cursor-1, 0)
	case "down", "j", "ctrl+n":
		m.picker.cursor = min(m.picker.cursor+1, len(m.spaces)-1)
	case "enter":
		return m.switchTo(m.picker.cursor)
	case "esc", PickerKey:
		if m.models[m.active] != nil {
			m.picker.open = false
		}
	case "ctrl+c", "q":
		if m.models[m.active] == nil {
			m.quitting = true
			return tea.Quit
		}
		m.picker.open = false
		return m.deliver(m.active, msg) // the dashboard quits (and saves)
	}
	return nil
}

// selected is the picker's highlighted line.
var selected = lipgloss.NewStyle().Reverse(true)

// pickerView lists the workspaces: name, segments, last update, how many
// of its segments are selected, endpoint; under a workspace's line, why it
// has no data, wrapped: the error is the point of it, never cut.
func (m *Model) pickerView() string {
	width := 80
	if m.size != nil {
		width = m.size.Width
	}
	lines := []string{"workspaces", ""}
	nameW := 0
	for _, w := range m.spaces {
		nameW = max(nameW, ansi.StringWidth(output.SafeText(w.Name)))
	}
	for i, w := range m.spaces {
		mark := "  "
		if i == m.active {
			mark = "* "
		}
		cols, problem := m.state(i)
		line := fmt.Sprintf("%s%-*s  %s  %s", mark, nameW, output.SafeText(w.Name), cols, output.SafeText(w.Endpoint))
		line = ansi.Truncate(line, width, "…")
		if i == m.picker.cursor {
			line = selected.Render(line + strings.Repeat(" ", max(width-ansi.StringWidth(line), 0)))
		}
		lines = append(lines, line)
		if problem != "" {
			for _, l := range common.Wrap("! "+output.SafeText(problem), max(width-nameW-6, 20)) {
				lines = append(lines, ansi.Truncate(strings.Repeat(" ", nameW+4)+l, width, "…"))
			}
		}
	}
	lines = append(lines, "", ansi.Truncate("enter switch · esc close · ↑↓ move   (* on screen)", width, "…"))
	return strings.Join(lines, "\n")
}

// state is workspace i's segment count, last update and selection as far
// as known, in columns, and why it has no data when that is known.
func (m *Model) state(i int) (cols, problem string) {
	const blank = "%-15s %-16s %-14s"
	d := m.models[i]
	switch {
	case m.errs[i] != nil:
		return fmt.Sprintf(blank, "cannot open", "", ""), common.ShortError(m.errs[i])
	case d == nil:
		return fmt.Sprintf(blank, "not opened yet", "", ""), ""
	}
	g := d.Glance()
	count := "listing…"
	if g.Problem != "" {
		count = "no list"
	}
	if g.Listed {
		count = output.Plural(g.Segments, "segment", "segments")
	}
	updated := "no data yet"
	if !g.Updated.IsZero() {
		updated = "updated " + common.Ago(m.now().Sub(g.Updated))
	}
	sel := ""
	if n := d.SelectedCount(); n > 0 {
		sel = output.Grouped(int64(n)) + " selected"
	}
	// "updated 59m ago" is the longest age: the endpoints line up.
	return fmt.Sprintf(blank, count, updated, sel), g.Problem
}

// now is the clock for the picker's ages.
func (m *Model) now() time.Time {
	if m.clock != nil {
		return m.clock()
	}
	return time.Now()
}
