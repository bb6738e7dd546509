package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// applyWatchlist selects the segments of watchlist name, reporting the
// entries that match no segment (never dropping them silently).
func (m *Model) applyWatchlist(name string) tea.Cmd {
	var wl *client.Watchlist
	for i := range m.watchlists {
		if m.watchlists[i].Name == name {
			wl = &m.watchlists[i]
		}
	}
	if wl == nil {
		return m.setNotice(fmt.Sprintf("no watchlist %q", name))
	}
	if !m.listLoaded {
		m.pendingWatch = name
		return nil
	}
	m.pendingWatch = ""
	segs, problems := client.Resolve(m.list.All(), wl.Segments, false)
	ids := make([]string, len(segs))
	for i, s := range segs {
		ids[i] = s.ID
	}
	m.list.SetSelection(ids)
	m.watch, m.solo = name, false
	m.watchProblems = nil
	for _, p := range problems {
		m.watchProblems = append(m.watchProblems, output.SafeText(p.String()))
	}
	msg := fmt.Sprintf("watchlist %s: %d segments", name, len(segs))
	if len(problems) > 0 {
		msg += fmt.Sprintf(", %d entries match nothing", len(problems))
	}
	return tea.Batch(m.ensureSeries(), m.setNotice(msg))
}

// nextWatchlist moves to the watchlist after the current one.
func (m *Model) nextWatchlist() tea.Cmd {
	if len(m.watchlists) == 0 {
		return m.setNotice("no watchlists yet: select segments with space, then W saves them as one")
	}
	i := 0
	for j, w := range m.watchlists {
		if w.Name == m.watch {
			i = (j + 1) % len(m.watchlists)
		}
	}
	return m.applyWatchlist(m.watchlists[i].Name)
}

// startNaming opens the prompt for W.
func (m *Model) startNaming() tea.Cmd {
	switch {
	case m.opts.SaveWatchlist == nil:
		return m.setNotice("saving watchlists is off here")
	case len(m.list.Selected()) == 0:
		return m.setNotice("select segments first (space), then W saves them as a watchlist")
	}
	m.naming = true
	m.nameInput.SetValue(m.watch)
	m.nameInput.CursorEnd()
	return m.nameInput.Focus()
}

func (m *Model) handleNamingKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.naming = false
		m.nameInput.Blur()
		return nil
	case "enter":
		name := strings.TrimSpace(m.nameInput.Value())
		if name == "" {
			return m.setNotice("a watchlist needs a name")
		}
		m.naming = false
		m.nameInput.Blur()
		segs := m.list.Selected()
		save := m.opts.SaveWatchlist
		return func() tea.Msg {
			return watchlistSavedMsg{name: name, segs: segs, err: save(name, segs)}
		}
	}
	var cmd tea.Cmd
	m.nameInput, cmd = m.nameInput.Update(msg)
	return cmd
}

func (m *Model) watchlistSaved(msg watchlistSavedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setNotice("could not save the watchlist: " + msg.err.Error())
	}
	ids := make([]string, len(msg.segs))
	for i, s := range msg.segs {
		ids[i] = s.ID
	}
	wl := client.Watchlist{Name: msg.name, Segments: ids}
	replaced := false
	for i := range m.watchlists {
		if m.watchlists[i].Name == msg.name {
			m.watchlists[i], replaced = wl, true
		}
	}
	if !replaced {
		m.watchlists = append(m.watchlists, wl)
	}
	m.watch, m.watchProblems = msg.name, nil
	return m.setNotice(fmt.Sprintf("saved watchlist %s (%d segments)", msg.name, len(ids)))
}
