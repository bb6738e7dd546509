package scanview

import (
	"context"
	"fmt"
	"time"

	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// Deps is what the scan asks of the dashboard around it.
type Deps struct {
	// Hub runs one scan for every viewer of a process (nil: one of its own).
	Hub *monitor.Hub
	// Cache answers the scan's requests and tells its cost.
	Cache *client.Cache
	// Notice shows a line in the status bar.
	Notice func(string) tea.Cmd
	// Adopt takes in a finished scan: its series into the list's numbers,
	// its alerts as the rows' flags.
	Adopt func(*monitor.Report) tea.Cmd
	// ShowFlagged is A on the answer: only the alerted rows.
	ShowFlagged func() tea.Cmd
	// Silences that hold in Workspace on the clock's day mark the alerts
	// they cover as silenced: shown, but not firing.
	Silences  []monitor.Silence
	Workspace string
}

// Scope is what a scan would cover.
type Scope struct {
	// Segments are scanned; All are the workspace's, for the rules'
	// warnings; Label names the scope ("all segments", "the filter …").
	Segments, All []client.Segment
	Label         string
	Options       monitor.ScanOptions
}

// UpdatedMsg says the scan held by a ticket made progress or ended.
type UpdatedMsg struct {
	common.Origin
	ticket *monitor.Ticket
}

// PollMsg asks to wait for the next progress of a ticket: progress is
// drawn a few times a second, not once per segment.
type PollMsg struct {
	common.Origin
	ticket *monitor.Ticket
}

// pollEvery paces the progress bar.
const pollEvery = 250 * time.Millisecond

// Open (S) shows the running scan's progress, or plans a scan of scope
// and asks before it starts.
func (m *Model) Open(scope Scope) tea.Cmd {
	if m.ticket != nil {
		m.Running(m.ticket.Progress())
		return nil
	}
	if len(scope.Segments) == 0 {
		return m.deps.Notice("nothing to scan yet: the segment list is not loaded")
	}
	plan := Plan{Scope: scope.Label, Segments: len(scope.Segments),
		Cost: monitor.Cost(m.deps.Cache, scope.Segments, scope.Options), Limit: 250_000, Remaining: -1}
	if r, ok := m.deps.Cache.RateLimit(); ok && r.Limit > 0 {
		plan.Limit, plan.Remaining = r.Limit, r.Remaining
	}
	if running, ok := m.deps.Hub.Running(); ok {
		plan.Joining, plan.JoiningScope = true, running
	}
	m.scope = scope
	m.Confirm(plan)
	return nil
}

// Hint is the footer's keys in the view's phase.
func (m *Model) Hint() string {
	switch {
	case m.phase == Confirming:
		return "enter start · esc back"
	case m.phase == Running && m.ticket != nil && m.ticket.Joined:
		return "esc leave (it goes on for the others)"
	case m.phase == Running:
		return "esc stop (what came back is kept)"
	case m.phase == Finished:
		return "↑↓ scroll · esc close · A alerted only"
	}
	return ""
}

// Ticket is the scan held while one runs, or nil.
func (m *Model) Ticket() *monitor.Ticket { return m.ticket }

// Update handles a key while the view is on top, and the scan's own
// messages.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case UpdatedMsg:
		return m.updated(msg.ticket), true
	case PollMsg:
		if msg.ticket == m.ticket {
			return m.WaitCmd(msg.ticket), true
		}
		return nil, true
	case tea.KeyPressMsg:
		if bkey.Matches(msg, m.c.Keys.Quit) {
			return nil, false // the dashboard's: it quits, as from the help
		}
		if m.phase == Finished && bkey.Matches(msg, m.c.Keys.Flagged) {
			m.Hide() // the answer's A: the list of the alerted rows
			return m.deps.ShowFlagged(), true
		}
		switch m.Key(msg) {
		case Start:
			return m.start(), true
		case Stop:
			return m.stop(), true
		}
		return nil, true
	case tea.PasteMsg:
		return nil, true
	}
	return nil, false
}

// start starts the planned scan, or joins the one running.
func (m *Model) start() tea.Cmd {
	segs, o, cache := m.scope.Segments, m.scope.Options, m.deps.Cache
	t := m.deps.Hub.Join(m.scope.Label, func(ctx context.Context, p func(monitor.Progress)) *monitor.Report {
		return monitor.Scan(ctx, cache, segs, o, p)
	})
	m.ticket, m.scope.Label = t, t.Scope
	m.SetJoined(t.Joined)
	m.Running(t.Progress())
	return m.WaitCmd(t)
}

// WaitCmd waits, off the event loop, for the scan's next progress or its
// end.
func (m *Model) WaitCmd(t *monitor.Ticket) tea.Cmd {
	ctx, origin := m.c.Ctx, m.c.Origin
	return func() tea.Msg {
		select {
		case <-t.Updates():
		case <-t.Done():
		case <-ctx.Done():
			return nil
		}
		return UpdatedMsg{Origin: origin, ticket: t}
	}
}

// updated draws the progress, or takes in the answer when the scan ended.
func (m *Model) updated(t *monitor.Ticket) tea.Cmd {
	if t != m.ticket {
		return nil
	}
	if rep := t.Report(); rep != nil {
		return m.finished(rep)
	}
	if m.phase == Running {
		m.Running(t.Progress())
	}
	origin := m.c.Origin
	return m.c.Tick(pollEvery, func(time.Time) tea.Msg { return PollMsg{Origin: origin, ticket: t} })
}

// stop lets go of the scan (esc while it runs): it is cancelled when no
// other viewer watches it, and what came back is shown.
func (m *Model) stop() tea.Cmd {
	t := m.ticket
	if t == nil {
		return nil
	}
	if !t.Leave() {
		m.ticket = nil
		m.Hide()
		return m.deps.Notice("left the scan; it goes on for the other viewers")
	}
	return nil // the cancelled scan ends at once and its report arrives
}

// Leave leaves the scan this view holds, if any, as the dashboard quits:
// a scan no other viewer holds is cancelled (it would spend the budget for
// nobody); one that others hold goes on for them.
func (m *Model) Leave() {
	if m.ticket != nil {
		m.ticket.Leave()
		m.ticket = nil
	}
}

// finished shows the answer, after the dashboard took in its series and
// the flags of its firing alerts, and says in the status bar how many
// segments alerted. The report may be shared with other viewers: the
// silences mark a copy, settled as `segdash scan` settles its own.
func (m *Model) finished(shared *monitor.Report) tea.Cmd {
	m.ticket = nil
	rep := shared.Copy()
	rows, incidents := rep.Settle(m.deps.Silences, m.deps.Workspace, client.DateOf(m.c.Now()),
		monitor.DefaultIncidentMin, monitor.ByScore)
	adopt := m.deps.Adopt(rep)
	alerted := monitor.Fired(rows)
	o := m.scope.Options
	sum := output.ScanSummary{Scope: m.scope.Label, Length: o.Length, Through: rep.Through.String(),
		Total: rep.Total, Done: rep.Done, Failed: rep.Failed, Cancelled: rep.Cancelled,
		Warnings: monitor.UnmatchedAll(o.Rules, m.scope.All, o.Watchlists)}
	m.Finish(sum, rows, incidents)
	note := fmt.Sprintf("scan done: %s of %s alerted", output.Grouped(int64(alerted)), output.Grouped(int64(rep.Total)))
	if rep.Cancelled {
		note = fmt.Sprintf("scan stopped: %s of %s not reached; %s alerted", output.Grouped(int64(rep.Total-rep.Done)),
			output.Grouped(int64(rep.Total)), output.Grouped(int64(alerted)))
	}
	return tea.Batch(m.deps.Notice(note), adopt)
}

// Glyph marks a flagged row by the direction of its newest change.
func Glyph(st monitor.Stats) string {
	switch {
	case st.HasDay && st.DayChange < 0:
		return "▼"
	case st.HasDay && st.DayChange > 0:
		return "▲"
	}
	return "◆"
}
