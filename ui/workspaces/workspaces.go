// Package workspaces is the dashboard over several Braze workspaces: it
// holds one ui.Model per workspace, opened the first time it is shown and
// kept alive while another is on screen (its list, filter, selection,
// window and cursor stay as they were), and a picker (K) to switch.
//
// Every message a workspace's commands produce names the workspace that
// asked (common.Origin), so a reply always reaches the dashboard that asked
// for it, shown or not; commands are never wrapped, so Bubble Tea's own
// messages (quit, batch, sequence, clipboard, terminal queries) reach the
// program as they do from a single dashboard, and the terminal's messages
// go to the dashboard on screen.
package workspaces

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/series"
)

// PickerKey opens the workspace picker (a key the dashboard leaves free).
const PickerKey = "K"

// Workspace is one workspace the picker offers.
type Workspace struct {
	// Name is the workspace's name; Endpoint its endpoint, for the picker.
	Name, Endpoint string
	// Open builds the workspace's dashboard, over its own client and
	// cache, the first time it is shown; it is called from Update, so it
	// must not send a request (ui.New does not).
	Open func() (*ui.Model, error)
}

// Model is the dashboard over several workspaces.
type Model struct {
	spaces []Workspace
	models []*ui.Hosted // nil until first shown
	errs   []error      // why a workspace could not be opened
	active int
	picker picker
	size   *tea.WindowSizeMsg
	bg     *tea.BackgroundColorMsg
	clock  func() time.Time
	// lent is the window the dashboards off screen were last lent.
	lent series.Window
	// quitting: the saves before the end run under an empty frame, so
	// that nothing of the dashboard reaches the shell's screen.
	quitting bool
}

// New returns the dashboard over spaces, showing spaces[first] at start;
// now is the clock for the picker's ages (nil: time.Now).
func New(spaces []Workspace, first int, now func() time.Time) *Model {
	if first < 0 || first >= len(spaces) {
		first = 0
	}
	return &Model{spaces: spaces, models: make([]*ui.Hosted, len(spaces)), errs: make([]error, len(spaces)), active: first, clock: now}
}

// Init opens the first workspace.
func (m *Model) Init() tea.Cmd {
	cmd, err := m.open(m.active)
	if err != nil {
		m.picker.open, m.picker.cursor = true, m.active // the picker shows why
	}
	return cmd
}

// open builds workspace i's dashboard if it is not yet, and returns its
// start and the terminal's size and background for it.
func (m *Model) open(i int) (tea.Cmd, error) {
	if m.models[i] != nil {
		return nil, nil
	}
	d, err := m.spaces[i].Open()
	if err != nil {
		m.errs[i] = err
		return nil, err
	}
	h := d.Host(i)
	m.models[i], m.errs[i] = h, nil
	cmds := []tea.Cmd{h.Init()}
	if m.bg != nil {
		cmds = append(cmds, m.deliver(i, *m.bg))
	}
	if m.size != nil {
		cmds = append(cmds, m.deliver(i, *m.size))
	}
	return tea.Batch(cmds...), nil
}

// deliver hands msg to workspace i's dashboard; what it returns goes to
// the program as it is.
func (m *Model) deliver(i int, msg tea.Msg) tea.Cmd {
	_, cmd := m.models[i].Update(msg)
	return cmd
}

// Update routes a workspace's replies to it and the terminal's messages
// to the workspace on screen; K opens the picker. Then the dashboard on
// screen learns what the others' selections hold.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.route(msg)
	return m, tea.Batch(cmd, m.share())
}

func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case ui.QuitAllMsg:
		return m.quit(msg.From().Workspace)
	case ui.ClearAllMsg:
		for _, d := range m.models {
			if d != nil {
				d.ClearSelection()
			}
		}
		return nil
	case common.Addressed:
		if i := msg.From().Workspace; i >= 0 && i < len(m.models) && m.models[i] != nil {
			return m.deliver(i, msg)
		}
		return nil
	case tea.WindowSizeMsg:
		m.size = &msg
		return m.deliver(m.active, msg)
	case tea.BackgroundColorMsg:
		m.bg = &msg
		return m.deliverAll(msg)
	case tea.FocusMsg, tea.BlurMsg:
		return m.deliverAll(msg) // every dashboard slows down in a blurred terminal
	case tea.KeyPressMsg:
		if m.picker.open {
			return m.pickerKey(msg)
		}
		if m.models[m.active] == nil {
			return nil
		}
		if msg.String() == PickerKey && !m.models[m.active].Typing() {
			m.picker.open, m.picker.cursor = true, m.active
			return nil
		}
	}
	if m.models[m.active] == nil {
		return nil
	}
	switch msg.(type) {
	case tea.MouseMsg, tea.PasteMsg:
		if m.picker.open {
			return nil // the dashboard under the picker is not on screen
		}
	}
	return m.deliver(m.active, msg)
}

// deliverAll hands msg to every open dashboard.
func (m *Model) deliverAll(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, d := range m.models {
		if d != nil {
			cmds = append(cmds, m.deliver(i, msg))
		}
	}
	return tea.Batch(cmds...)
}

// switchTo shows workspace i, opening it the first time.
func (m *Model) switchTo(i int) tea.Cmd {
	cmd, err := m.open(i)
	if err != nil {
		return nil // the picker stays open and shows the error
	}
	m.picker.open = false
	if i == m.active {
		return cmd
	}
	m.active = i
	if cmd == nil && m.size != nil {
		// A dashboard kept alive lays itself out for today's terminal.
		cmd = m.deliver(i, *m.size)
	}
	return tea.Batch(cmd, m.models[i].Return(), m.lend(true))
}

// View draws the workspace on screen, or the picker over it.
func (m *Model) View() tea.View {
	if m.quitting {
		v := tea.NewView("")
		v.AltScreen = true
		return v
	}
	if m.models[m.active] == nil {
		v := tea.NewView(m.pickerView())
		v.AltScreen = true
		return v
	}
	v := m.models[m.active].View()
	if m.picker.open {
		v.SetContent(m.pickerView())
		v.OnMouse = nil
	}
	return v
}
