// Package prompt is a one-line text prompt over the title line: the filter
// and the watchlist name. It owns its input and tells the root what a key
// did to it.
package prompt

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
)

// Event is what a key did to the prompt.
type Event int

// The events of Update.
const (
	Edited    Event = iota // the value may have changed
	Submitted              // enter
	Canceled               // esc
)

// Model is one prompt.
type Model struct {
	c     *common.Common
	input textinput.Model
	open  bool
}

// New returns a closed prompt.
func New(c *common.Common, prompt, placeholder string, limit int) *Model {
	in := textinput.New()
	in.Prompt, in.Placeholder, in.CharLimit = prompt, placeholder, limit
	m := &Model{c: c, input: in}
	m.Restyle()
	return m
}

// Restyle follows the terminal's background.
func (m *Model) Restyle() {
	s := textinput.DefaultStyles(m.c.IsDark)
	s.Cursor.Blink = false // nothing animates while idle
	m.input.SetStyles(s)
}

// Open shows the prompt holding value, the cursor at its end.
func (m *Model) Open(value string) tea.Cmd {
	m.open = true
	m.input.SetValue(value)
	m.input.CursorEnd()
	return m.input.Focus()
}

// Close hides the prompt; its value stays.
func (m *Model) Close() {
	m.open = false
	m.input.Blur()
}

// Active reports whether the prompt is open.
func (m *Model) Active() bool { return m.open }

// Value is the text typed.
func (m *Model) Value() string { return m.input.Value() }

// SetValue replaces the text.
func (m *Model) SetValue(s string) { m.input.SetValue(s) }

// SetWidth sets the cells the input may use.
func (m *Model) SetWidth(w int) { m.input.SetWidth(w) }

// Update handles a key or a paste while open.
func (m *Model) Update(msg tea.Msg) (Event, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			return Canceled, nil
		case "enter":
			return Submitted, nil
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return Edited, cmd
}

// View is the prompt's line.
func (m *Model) View() string { return m.input.View() }

// Cursor is where the terminal's cursor goes: the prompt sits on the first
// line, so the input's own position is the screen's.
func (m *Model) Cursor() *tea.Cursor { return m.input.Cursor() }
