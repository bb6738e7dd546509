// Package tagpicker picks a tag from the workspace's tags, each with the
// number of segments that carry it, filtered as one types: fifty tags are
// a few keystrokes away instead of fifty presses of a cycling key.
package tagpicker

import (
	"cmp"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/prompt"
	"github.com/segdash/segdash/ui/output"
)

// Tag is one tag and how many segments carry it.
type Tag struct {
	Name  string // lower case, as tag:NAME filters match it
	Count int
}

// Event is what a key did to the picker.
type Event int

// The events of Update.
const (
	Moved    Event = iota // typed or moved; nothing picked yet
	Picked                // enter on a tag: Picked() holds it
	Canceled              // esc
)

// Model is the picker: its prompt, the tags and the cursor.
type Model struct {
	c      *common.Common
	input  *prompt.Model
	tags   []Tag
	view   []int // indices into tags matching the typed text
	cursor int
	offset int
	w, h   int
}

// New returns a closed picker.
func New(c *common.Common) *Model {
	return &Model{c: c, input: prompt.New(c, "tag: ", "type to narrow the tags", 60)}
}

// Count lists every tag of segs with its number of segments, most used
// first (then by name); tags differing only in case are one tag.
func Count(segs []client.Segment) []Tag {
	n := map[string]int{}
	for _, s := range segs {
		seen := map[string]bool{}
		for _, t := range s.Tags {
			t = strings.ToLower(strings.TrimSpace(t))
			if t != "" && !seen[t] {
				seen[t] = true
				n[t]++
			}
		}
	}
	out := make([]Tag, 0, len(n))
	for t, c := range n {
		out = append(out, Tag{Name: t, Count: c})
	}
	slices.SortFunc(out, func(a, b Tag) int {
		return cmp.Or(b.Count-a.Count, strings.Compare(a.Name, b.Name))
	})
	return out
}

// Open shows the tags, the cursor on current if it is one of them.
func (m *Model) Open(tags []Tag, current string) tea.Cmd {
	m.tags = tags
	cmd := m.input.Open("")
	m.refilter()
	for j, i := range m.view {
		if m.tags[i].Name == current {
			m.cursor = j
		}
	}
	m.clamp()
	return cmd
}

// Close hides the picker.
func (m *Model) Close() { m.input.Close() }

// Active reports whether the picker is open.
func (m *Model) Active() bool { return m.input.Active() }

// Picked is the tag under the cursor, if any.
func (m *Model) Picked() (Tag, bool) {
	if m.cursor < 0 || m.cursor >= len(m.view) {
		return Tag{}, false
	}
	return m.tags[m.view[m.cursor]], true
}

// Update handles a key or paste while open: typing narrows the tags, the
// arrows (ctrl+j/k, pgup/pgdn) move, enter picks, esc cancels.
func (m *Model) Update(msg tea.Msg) (Event, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if n, move := common.PromptMove(k, max(1, m.h-1)); move {
			m.cursor += n
			m.clamp()
			return Moved, nil
		}
	}
	ev, cmd := m.input.Update(msg)
	switch ev {
	case prompt.Canceled:
		return Canceled, nil
	case prompt.Submitted:
		if _, ok := m.Picked(); ok {
			return Picked, nil
		}
		return Moved, nil
	}
	m.refilter()
	return Moved, cmd
}

func (m *Model) refilter() {
	q := strings.ToLower(strings.TrimSpace(m.input.Value()))
	m.view = m.view[:0]
	for i, t := range m.tags {
		if strings.Contains(t.Name, q) {
			m.view = append(m.view, i)
		}
	}
	m.cursor, m.offset = 0, 0
	m.clamp()
}

// clamp keeps the cursor on a tag and on screen.
func (m *Model) clamp() {
	m.cursor = max(0, min(m.cursor, len(m.view)-1))
	rows := max(1, m.h-1)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
}

// SetSize sets the cells the tags are drawn in (the list pane's).
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.clamp()
}

// Restyle follows the terminal's background.
func (m *Model) Restyle() { m.input.Restyle() }

// Prompt is the picker's input line (it sits on the title line).
func (m *Model) Prompt() string { return m.input.View() }

// SetWidth sets the cells the input may use.
func (m *Model) SetWidth(w int) { m.input.SetWidth(w) }

// Cursor is where the terminal's cursor goes.
func (m *Model) Cursor() *tea.Cursor { return m.input.Cursor() }

// View draws the tags in exactly its size: a header, then one tag a line
// with its count, the cursor's marked ›.
func (m *Model) View() string {
	st, w, h := m.c.Styles, m.w, m.h
	if h <= 0 || w <= 0 {
		return ""
	}
	countW := 9
	nameW := max(1, w-3-countW)
	head := "   " + output.PadRight("TAG", nameW) + output.PadLeft("SEGMENTS", countW)
	lines := []string{st.Header.Render(output.Truncate(head, w))}
	if len(m.view) == 0 {
		lines = append(lines, st.Subtle.Render("   no tag matches (esc closes)"))
	}
	for j := m.offset; j < len(m.view) && j < m.offset+h-1; j++ {
		t := m.tags[m.view[j]]
		mark := "   "
		if j == m.cursor {
			mark = " › "
		}
		line := mark + output.PadRight(output.SafeText(t.Name), nameW) + output.PadLeft(output.Grouped(int64(t.Count)), countW)
		if j == m.cursor {
			line = st.Cursor.Render(output.PadRight(line, w))
		}
		lines = append(lines, line)
	}
	return common.Block(lines, w, h)
}
