package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/prompt"
	"github.com/segdash/segdash/ui/output"
)

// watchState is the watchlists known and the one shown.
type watchState struct {
	lists    []client.Watchlist
	current  string   // the watchlist shown, if any
	pending  string   // to apply once the list is known
	problems []string // the current one's entries that match no segment
	confirm  string   // a name typed for W that exists: enter again replaces it
}

// find returns the watchlist called name, or nil.
func (w *watchState) find(name string) *client.Watchlist {
	for i := range w.lists {
		if w.lists[i].Name == name {
			return &w.lists[i]
		}
	}
	return nil
}

// applyWatchlist selects the segments of watchlist name, reporting the
// entries that match no segment (never dropping them silently).
func (m *Model) applyWatchlist(name string) tea.Cmd {
	wl := m.watch.find(name)
	if wl == nil {
		return m.status.SetNotice(fmt.Sprintf("no watchlist %q", name))
	}
	if !m.cat.loaded {
		m.watch.pending = name
		return nil
	}
	m.watch.pending = ""
	segs, problems := client.Resolve(m.list.All(), wl.Segments, false)
	ids := make([]string, len(segs))
	for i, s := range segs {
		ids[i] = s.ID
	}
	m.list.SetSelection(ids)
	m.watch.current = name
	m.chart.SetSolo(false)
	m.watch.problems = nil
	for _, p := range problems {
		m.watch.problems = append(m.watch.problems, output.SafeText(p.String()))
	}
	msg := fmt.Sprintf("watchlist %s: %s", name, output.Plural(len(segs), "segment", "segments"))
	if len(problems) > 0 {
		msg += ", " + output.Plural(len(problems), "entry matches", "entries match") + " nothing"
	}
	return tea.Batch(m.ensureSeries(), m.status.SetNotice(msg))
}

// nextWatchlist moves to the watchlist after the current one.
func (m *Model) nextWatchlist() tea.Cmd {
	if len(m.watch.lists) == 0 {
		return m.status.SetNotice("no watchlists yet: select segments with space, then W saves them as one")
	}
	i := 0
	for j, w := range m.watch.lists {
		if w.Name == m.watch.current {
			i = (j + 1) % len(m.watch.lists)
		}
	}
	return m.applyWatchlist(m.watch.lists[i].Name)
}

// startNaming opens the prompt for W.
func (m *Model) startNaming() tea.Cmd {
	switch {
	case m.opts.SaveWatchlist == nil:
		return m.status.SetNotice("saving watchlists is off here")
	case len(m.list.Selected()) == 0 && len(m.share.guests) > 0:
		return m.status.SetNotice(fmt.Sprintf("nothing is selected in %s: a watchlist belongs to one workspace, and W saves the one on screen",
			output.SafeText(m.share.here)))
	case len(m.list.Selected()) == 0:
		return m.status.SetNotice("select segments first (space), then W saves them as a watchlist")
	}
	m.watch.confirm = ""
	open := m.over.name.Open(m.watch.current)
	if len(m.share.guests) > 0 {
		return tea.Batch(open, m.status.SetNotice(fmt.Sprintf("W saves the %d selected in %s only: a watchlist belongs to one workspace",
			m.list.SelectedCount(), output.SafeText(m.share.here))))
	}
	return open
}

// nameKey handles a key while the name prompt is open.
func (m *Model) nameKey(msg tea.KeyPressMsg) tea.Cmd {
	ev, cmd := m.over.name.Update(msg)
	switch ev {
	case prompt.Canceled:
		m.over.name.Close()
		m.watch.confirm = ""
		return nil
	case prompt.Submitted:
		name := strings.TrimSpace(m.over.name.Value())
		if name == "" {
			return m.status.SetNotice("a watchlist needs a name")
		}
		if m.watch.find(name) != nil && m.watch.confirm != name {
			// Replacing loses the old list: ask once, on the prompt's line.
			m.watch.confirm = name
			return nil
		}
		m.over.name.Close()
		m.watch.confirm = ""
		segs := m.list.Selected()
		save, origin := m.opts.SaveWatchlist, m.c.Origin
		return func() tea.Msg {
			return watchlistSavedMsg{Origin: origin, name: name, segs: segs, err: save(name, segs)}
		}
	}
	m.watch.confirm = "" // the name changed: ask again if it exists
	return cmd
}

// confirmLine is what the name prompt's line adds while it asks before
// replacing a watchlist.
func (m *Model) confirmLine() string {
	wl := m.watch.find(m.watch.confirm)
	if wl == nil {
		return ""
	}
	return fmt.Sprintf("  watchlist %s exists (%s): enter replaces it · esc keeps it", output.SafeText(wl.Name),
		output.Plural(len(wl.Segments), "segment", "segments"))
}

func (m *Model) watchlistSaved(msg watchlistSavedMsg) tea.Cmd {
	if msg.err != nil {
		return m.status.SetNotice("could not save the watchlist: " + common.ShortError(msg.err))
	}
	ids := make([]string, len(msg.segs))
	for i, s := range msg.segs {
		ids[i] = s.ID
	}
	wl := client.Watchlist{Name: msg.name, Segments: ids}
	replaced := false
	for i := range m.watch.lists {
		if m.watch.lists[i].Name == msg.name {
			m.watch.lists[i], replaced = wl, true
		}
	}
	if !replaced {
		m.watch.lists = append(m.watch.lists, wl)
	}
	m.watch.current, m.watch.problems = msg.name, nil
	where := ""
	if len(m.share.guests) > 0 {
		where = " in " + output.SafeText(m.share.here)
	}
	return m.status.SetNotice(fmt.Sprintf("saved watchlist %s%s (%s)", msg.name, where, output.Plural(len(ids), "segment", "segments")))
}
