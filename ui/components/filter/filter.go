// Package filter is the filter prompt (/) over the segment list and its
// tag picker (T): the list follows every keystroke. Both are modal, as in
// fzf and k9s: they stay until enter or esc; the arrows (and ctrl+j/k,
// pgup/pgdn) move the list's cursor while typing goes on, and letters
// always go to the prompt.
package filter

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/prompt"
	"github.com/segdash/segdash/ui/components/segmentlist"
	"github.com/segdash/segdash/ui/components/tagpicker"
)

// Model is the filter prompt; Tags is its picker.
type Model struct {
	c      *common.Common
	prompt *prompt.Model
	list   *segmentlist.Model
	// changed is called when the rows shown changed: what came on screen
	// gets fetched.
	changed func() tea.Cmd
	tags    *Tags
}

// New returns the closed filter of list; changed fetches what came on
// screen after the rows shown changed.
func New(c *common.Common, list *segmentlist.Model, changed func() tea.Cmd) *Model {
	m := &Model{c: c, prompt: prompt.New(c, "/", "filter names, tag:NAME", 200), list: list, changed: changed}
	m.tags = &Tags{picker: tagpicker.New(c), filter: m}
	return m
}

// Tags is the tag picker (T) of this filter.
func (m *Model) Tags() *Tags { return m.tags }

// Open shows the prompt holding the list's filter.
func (m *Model) Open() tea.Cmd { return m.prompt.Open(m.list.Filter()) }

// Active reports whether the prompt is open.
func (m *Model) Active() bool { return m.prompt.Active() }

// Value is the filter typed.
func (m *Model) Value() string { return m.prompt.Value() }

// Update handles a key or a paste while the prompt is on top; the mouse is
// the dashboard's.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if n, move := common.PromptMove(msg, m.list.Page()); move {
			m.list.Move(n)
			return m.changed(), true
		}
	case tea.PasteMsg:
	default:
		return nil, false
	}
	ev, cmd := m.prompt.Update(msg)
	switch ev {
	case prompt.Canceled:
		m.prompt.Close()
		m.prompt.SetValue("")
	case prompt.Submitted:
		m.prompt.Close()
		return m.changed(), true
	}
	m.apply()
	return tea.Batch(cmd, m.changed()), true
}

// Hint is the footer's keys while the prompt is open.
func (m *Model) Hint() string { return "enter apply · esc clear · ↑↓ move" }

// Clear empties the filter (esc on the dashboard).
func (m *Model) Clear() {
	m.prompt.SetValue("")
	m.apply()
}

func (m *Model) apply() { m.list.SetFilter(m.prompt.Value()) }

// SetSize sets the cells the prompt's line may use: w × 1 at the top.
func (m *Model) SetSize(w, _ int) { m.prompt.SetWidth(max(10, w-4)) }

// Restyle follows the terminal's background.
func (m *Model) Restyle() {
	m.prompt.Restyle()
	m.tags.picker.Restyle()
}

// View is the prompt's line.
func (m *Model) View() string { return m.prompt.View() }

// Cursor is where the terminal's cursor goes while the prompt is open.
func (m *Model) Cursor() *tea.Cursor { return m.prompt.Cursor() }

// Tags is the tag picker: the picked tag replaces the filter's tag:NAME
// term; its other words stay.
type Tags struct {
	picker *tagpicker.Model
	filter *Model
}

// Open shows the tags of the list's segments, the cursor on the filter's
// tag if any; with no tag at all it says so instead (notice).
func (t *Tags) Open(notice func(string) tea.Cmd) tea.Cmd {
	tags := tagpicker.Count(t.filter.list.All())
	if len(tags) == 0 {
		return notice("no segment has a tag")
	}
	cur := ""
	for w := range strings.FieldsSeq(strings.ToLower(t.filter.list.Filter())) {
		if name, ok := strings.CutPrefix(w, "tag:"); ok {
			cur = name
		}
	}
	return t.picker.Open(tags, cur)
}

// Active reports whether the picker is open.
func (t *Tags) Active() bool { return t.picker.Active() }

// Hint is the footer's keys while the picker is open.
func (t *Tags) Hint() string { return "enter pick · esc close · ↑↓ move" }

// Update handles a key or paste while the picker is on top.
func (t *Tags) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
	default:
		return nil, false
	}
	ev, cmd := t.picker.Update(msg)
	switch ev {
	case tagpicker.Canceled:
		t.picker.Close()
	case tagpicker.Picked:
		tag, _ := t.picker.Picked()
		t.picker.Close()
		words := []string{}
		for w := range strings.FieldsSeq(t.filter.list.Filter()) {
			if !strings.HasPrefix(strings.ToLower(w), "tag:") {
				words = append(words, w)
			}
		}
		t.filter.prompt.SetValue(strings.Join(append(words, "tag:"+tag.Name), " "))
		t.filter.apply()
		return t.filter.changed(), true
	}
	return cmd, true
}

// SetSize sets the list pane's cells, where the tags are drawn; the
// picker's prompt takes the title line, the terminal's width.
func (t *Tags) SetSize(w, h int) {
	t.picker.SetSize(w, h)
	t.picker.SetWidth(max(10, t.filter.c.Width-8))
}

// View draws the tags in the list pane's size.
func (t *Tags) View() string { return t.picker.View() }

// Prompt is the picker's input line, on the title line.
func (t *Tags) Prompt() string { return t.picker.Prompt() }

// Cursor is where the terminal's cursor goes while the picker is open.
func (t *Tags) Cursor() *tea.Cursor { return t.picker.Cursor() }
