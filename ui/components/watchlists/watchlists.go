// Package watchlists is the dashboard's watchlists: the ones known, the
// one shown (w moves to the next), and the prompt that saves the
// selection as one (W), which asks once before replacing a watchlist.
package watchlists

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/prompt"
	"github.com/segdash/segdash/ui/components/segmentlist"
	"github.com/segdash/segdash/ui/output"
)

// Deps is what the watchlists ask of the dashboard around them.
type Deps struct {
	// Save writes a watchlist (nil: saving is off here).
	Save func(name string, segs []client.Segment) error
	// Loaded reports whether the list holds every segment.
	Loaded func() bool
	// Selected is called after a watchlist replaced the selection: the
	// chart compares again and fetches.
	Selected func() tea.Cmd
	// Notice shows a line in the status bar.
	Notice func(string) tea.Cmd
	// Shared is this workspace's name, and whether other workspaces lend
	// a selection to the screen (a watchlist belongs to one workspace).
	Shared func() (here string, others bool)
}

// SavedMsg reports saving the selection as a watchlist.
type SavedMsg struct {
	common.Origin
	name string
	segs []client.Segment
	err  error
}

// Model is the watchlists and the name prompt.
type Model struct {
	c        *common.Common
	deps     Deps
	list     *segmentlist.Model
	prompt   *prompt.Model
	lists    []client.Watchlist
	current  string   // the watchlist shown, if any
	pending  string   // to apply once the list is known
	problems []string // the current one's entries that match no segment
	confirm  string   // a name typed for W that exists: enter again replaces it
}

// New returns the watchlists lists over list; pending is applied once the
// list is loaded (Loaded).
func New(c *common.Common, list *segmentlist.Model, lists []client.Watchlist, pending string, deps Deps) *Model {
	return &Model{c: c, deps: deps, list: list, lists: append([]client.Watchlist(nil), lists...), pending: pending,
		prompt: prompt.New(c, "save selection as watchlist: ", "", 60)}
}

// Lists are the watchlists known.
func (m *Model) Lists() []client.Watchlist { return m.lists }

// Current is the watchlist shown ("" none), and its entries that match no
// segment.
func (m *Model) Current() (string, []string) { return m.current, m.problems }

// Forget leaves the watchlist shown (the selection was cleared).
func (m *Model) Forget() { m.current, m.problems = "", nil }

// Loaded applies the watchlist asked for at start, once the list is known.
func (m *Model) Loaded() tea.Cmd {
	if m.pending == "" {
		return nil
	}
	return m.Apply(m.pending)
}

func (m *Model) find(name string) *client.Watchlist {
	for i := range m.lists {
		if m.lists[i].Name == name {
			return &m.lists[i]
		}
	}
	return nil
}

// Apply selects the segments of watchlist name, reporting the entries
// that match no segment (never dropping them silently).
func (m *Model) Apply(name string) tea.Cmd {
	wl := m.find(name)
	if wl == nil {
		return m.deps.Notice(fmt.Sprintf("no watchlist %q", name))
	}
	if !m.deps.Loaded() {
		m.pending = name
		return nil
	}
	m.pending = ""
	segs, problems := client.Resolve(m.list.All(), wl.Segments, false)
	ids := make([]string, len(segs))
	for i, s := range segs {
		ids[i] = s.ID
	}
	m.list.SetSelection(ids)
	m.current, m.problems = name, nil
	for _, p := range problems {
		m.problems = append(m.problems, output.SafeText(p.String()))
	}
	msg := fmt.Sprintf("watchlist %s: %s", name, output.Plural(len(segs), "segment", "segments"))
	if len(problems) > 0 {
		msg += ", " + output.Plural(len(problems), "entry matches", "entries match") + " nothing"
	}
	return tea.Batch(m.deps.Selected(), m.deps.Notice(msg))
}

// Next (w) moves to the watchlist after the current one.
func (m *Model) Next() tea.Cmd {
	if len(m.lists) == 0 {
		return m.deps.Notice("no watchlists yet: select segments with space, then W saves them as one")
	}
	i := 0
	for j, w := range m.lists {
		if w.Name == m.current {
			i = (j + 1) % len(m.lists)
		}
	}
	return m.Apply(m.lists[i].Name)
}

// Open (W) opens the prompt that names the selection, or says why not.
func (m *Model) Open() tea.Cmd {
	here, others := m.deps.Shared()
	switch {
	case m.deps.Save == nil:
		return m.deps.Notice("saving watchlists is off here")
	case len(m.list.Selected()) == 0 && others:
		return m.deps.Notice(fmt.Sprintf("nothing is selected in %s: a watchlist belongs to one workspace, and W saves the one on screen",
			output.SafeText(here)))
	case len(m.list.Selected()) == 0:
		return m.deps.Notice("select segments first (space), then W saves them as a watchlist")
	}
	m.confirm = ""
	open := m.prompt.Open(m.current)
	if others {
		return tea.Batch(open, m.deps.Notice(fmt.Sprintf("W saves the %d selected in %s only: a watchlist belongs to one workspace",
			m.list.SelectedCount(), output.SafeText(here))))
	}
	return open
}

// Active reports whether the name prompt is open.
func (m *Model) Active() bool { return m.prompt.Active() }

// Update handles a key while the name prompt is on top (a paste is
// ignored; the mouse is the dashboard's), and the answer of a save.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case SavedMsg:
		return m.saved(msg), true
	case tea.KeyPressMsg:
		return m.key(msg), true
	case tea.PasteMsg:
		return nil, true
	}
	return nil, false
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	ev, cmd := m.prompt.Update(msg)
	switch ev {
	case prompt.Canceled:
		m.prompt.Close()
		m.confirm = ""
		return nil
	case prompt.Submitted:
		name := strings.TrimSpace(m.prompt.Value())
		if name == "" {
			return m.deps.Notice("a watchlist needs a name")
		}
		if m.find(name) != nil && m.confirm != name {
			// Replacing loses the old list: ask once, on the prompt's line.
			m.confirm = name
			return nil
		}
		m.prompt.Close()
		m.confirm = ""
		segs := m.list.Selected()
		save, origin := m.deps.Save, m.c.Origin
		return func() tea.Msg {
			return SavedMsg{Origin: origin, name: name, segs: segs, err: save(name, segs)}
		}
	}
	m.confirm = "" // the name changed: ask again if it exists
	return cmd
}

func (m *Model) saved(msg SavedMsg) tea.Cmd {
	if msg.err != nil {
		return m.deps.Notice("could not save the watchlist: " + common.ShortError(msg.err))
	}
	ids := make([]string, len(msg.segs))
	for i, s := range msg.segs {
		ids[i] = s.ID
	}
	wl := client.Watchlist{Name: msg.name, Segments: ids}
	replaced := false
	for i := range m.lists {
		if m.lists[i].Name == msg.name {
			m.lists[i], replaced = wl, true
		}
	}
	if !replaced {
		m.lists = append(m.lists, wl)
	}
	m.current, m.problems = msg.name, nil
	where := ""
	if here, others := m.deps.Shared(); others {
		where = " in " + output.SafeText(here)
	}
	return m.deps.Notice(fmt.Sprintf("saved watchlist %s%s (%s)", msg.name, where, output.Plural(len(ids), "segment", "segments")))
}

// Hint is the footer's keys while the prompt is open.
func (m *Model) Hint() string {
	if m.confirm != "" {
		return "enter replace · esc keep"
	}
	return "enter save · esc cancel"
}

// Restyle follows the terminal's background.
func (m *Model) Restyle() { m.prompt.Restyle() }

// View is the prompt's line, with the question before replacing a
// watchlist, in the terminal's width.
func (m *Model) View() string {
	wl := m.find(m.confirm)
	if wl == nil {
		return m.prompt.View()
	}
	// The typed name stays whole: the notice shortens by meaning to the
	// room left beside it.
	left := m.prompt.View()
	// Beside it: Spread's gap, and the cursor's cell.
	room := m.c.Width - output.Width(strings.TrimRight(ansi.Strip(left), " ")) - common.SpreadGap - 1
	n := output.Plural(len(wl.Segments), "segment", "segments")
	var c string
	for _, c = range []string{
		fmt.Sprintf("  watchlist %s exists (%s): enter replaces it · esc keeps it", output.SafeText(wl.Name), n),
		fmt.Sprintf("  exists (%s): enter replaces it · esc keeps it", n),
		"  exists: enter replaces · esc keeps",
		" exists: enter/esc",
	} {
		if output.Width(c) <= room {
			break
		}
	}
	return common.Spread(left, m.c.Styles.Warning.Render(c), m.c.Width)
}
