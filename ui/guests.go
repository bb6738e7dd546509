package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/chartpane"
	"github.com/segdash/segdash/ui/output"
	"github.com/segdash/segdash/ui/series"
)

// sharing is the dashboard's part in a selection across workspaces: off
// screen, it lends its selection to the dashboard on screen, in that one's
// window; on screen, it charts what the others lend beside its own.
type sharing struct {
	away   bool          // another workspace's dashboard is on screen
	own    series.Window // the window to return to
	here   string        // this workspace's name, for the legend
	guests []chartpane.Guest
	before int    // guests of workspaces listed before this one
	stamp  string // the guests' versions, for the frame cache
}

// shown are the guests the chart shows: none in focus on one segment.
func (s *sharing) shown(solo bool) []chartpane.Guest {
	if solo || s.away {
		return nil
	}
	return s.guests
}

// status is the status bar's word on the selection: its size (own of this
// workspace), in how many workspaces, and whether one segment is in focus.
func (s *sharing) status(own int, solo bool) []string {
	n, spaces := own, map[string]bool{}
	if n > 0 {
		spaces[s.here] = true
	}
	for _, g := range s.guests {
		n++
		spaces[g.Workspace] = true
	}
	text := fmt.Sprintf("%d selected", n)
	switch {
	case n == 0:
		return nil
	case len(spaces) > 1:
		text += fmt.Sprintf(" in %d workspaces", len(spaces))
	case !spaces[s.here]:
		text += " in " + output.SafeText(s.guests[0].Workspace)
	}
	if solo {
		text += ", one in focus"
	}
	return []string{text}
}

// failing counts the other workspaces' series on the chart whose last
// fetch failed, for the status bar's "N failing".
func (s *sharing) failing(solo bool) int {
	n := 0
	for _, g := range s.shown(solo) {
		if g.State != nil && g.State.Err != nil {
			n++
		}
	}
	return n
}

// ClearAllMsg asks a dashboard over several workspaces to clear the
// selection in every workspace: x clears the whole selection, not only the
// part of it on screen.
type ClearAllMsg struct{ common.Origin }

// QuitAllMsg asks a dashboard over several workspaces to save every open
// workspace's data for the next start, then quit: q or ctrl+c on the
// dashboard of the workspace it names. A single dashboard takes it as q:
// the command sends it on SIGTERM, SIGINT or SIGHUP, so a signal saves as
// q does.
type QuitAllMsg struct{ common.Origin }

// Hosted is a dashboard as a dashboard over several workspaces
// (ui/workspaces) holds it: the Bubble Tea model, and what the host asks
// of it besides: lending its selection, taking the others', saving,
// clearing.
type Hosted struct {
	*Model
}

// Host makes the dashboard workspace ws of a dashboard over several,
// before Init: its messages name ws, and quitting and clearing the whole
// selection are asked of the host by message (QuitAllMsg, ClearAllMsg).
func (m *Model) Host(ws int) *Hosted {
	m.c.Origin, m.c.Hosted = common.Origin{Workspace: ws}, true
	return &Hosted{m}
}

// Window is the window the dashboard shows.
func (h *Hosted) Window() series.Window { return h.store.Window() }

// Lend takes the dashboard off screen, where it shows the selection of its
// workspace in the window w of the dashboard on screen, and fetches and
// refreshes only that: its own list and window stay as they were, for
// its return, and it asks nothing for rows nobody sees.
func (h *Hosted) Lend(w series.Window) tea.Cmd {
	m := h.Model
	if !m.share.away {
		m.share.away, m.share.own = true, m.store.Window()
		m.share.guests, m.share.stamp = nil, ""
	}
	m.store.SetWindow(w)
	return m.ensureSeries()
}

// Return puts the dashboard back on screen with its own window.
func (h *Hosted) Return() tea.Cmd {
	m := h.Model
	if !m.share.away {
		return nil
	}
	m.share.away = false
	m.store.SetWindow(m.share.own)
	m.frame.valid = false
	return tea.Batch(m.ensureSeries(), m.relistIfOld())
}

// LentStamp changes whenever what Lent returns may have: a series, the
// selection or the list (a rename) changed. It is cheap: a host asks it
// after every message, and Lent only when it changed.
func (h *Hosted) LentStamp() string {
	return fmt.Sprintf("%d:%d:%d", h.store.Version(), h.list.SelectedCount(), h.cat.listedAt.UnixNano())
}

// GuestStamp is the stamp of the guests given last (SetGuests).
func (h *Hosted) GuestStamp() string { return h.share.stamp }

// Lent is this dashboard's selection as guests of workspace name's
// series, in the window it was lent.
func (h *Hosted) Lent(name string) []chartpane.Guest {
	sel := h.list.Selected()
	out := make([]chartpane.Guest, 0, len(sel))
	for _, s := range sel {
		g := chartpane.Guest{Workspace: name, Segment: s}
		if st := h.store.Get(s.ID); st != nil {
			copied := *st // the owner goes on changing its own
			g.State = &copied
		}
		out = append(out, g)
	}
	return out
}

// SetGuests charts the series of other workspaces beside this one's own
// (here names this workspace in the legend; the first before guests come
// before its own); stamp tells the frame cache whether they changed.
func (h *Hosted) SetGuests(here string, guests []chartpane.Guest, before int, stamp string) {
	m := h.Model
	m.share.here = here
	if stamp == m.share.stamp {
		return
	}
	m.share.guests, m.share.before, m.share.stamp = guests, before, stamp
	m.frame.valid = false
}

// SelectedCount is how many segments of this workspace are selected.
func (h *Hosted) SelectedCount() int { return h.list.SelectedCount() }

// ClearSelection clears this workspace's selection (x on another
// workspace's dashboard).
func (h *Hosted) ClearSelection() { h.clearSelection() }

// clearSelection clears the selection and what depends on it: the focus
// on one segment, the watchlist shown.
func (m *Model) clearSelection() {
	m.list.ClearSelection()
	m.chart.SetSolo(false)
	m.watch.Forget()
}

// SaveNow writes what is unsaved for the next start (nil: nothing to
// write): a dashboard off screen saves when the one on screen quits.
func (h *Hosted) SaveNow() tea.Cmd { return h.save.cmd(false) }

// Typing reports whether an open prompt or picker of the dashboard takes
// every key, letters included: the host must not take one of them.
func (h *Hosted) Typing() bool {
	return h.over.Covers(h.watch, h.filter, h.filter.Tags(), h.scan) != nil
}
