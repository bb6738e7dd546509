package ui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/scanview"
	"github.com/segdash/segdash/ui/output"
)

// scanState is the dashboard's side of a workspace scan (S): the view, the
// hub that runs one scan for every viewer of a process, the ticket held
// while one runs, and what the last scan flagged.
type scanState struct {
	view   *scanview.Model
	hub    *monitor.Hub
	ticket *monitor.Ticket
	segs   []client.Segment // what the plan on screen covers
	scope  string
}

// scanUpdatedMsg says the scan held by ticket made progress or ended.
type scanUpdatedMsg struct {
	common.Origin
	ticket *monitor.Ticket
}

// scanPollMsg asks to wait for the next progress of ticket: progress is
// drawn a few times a second, not once per segment.
type scanPollMsg struct {
	common.Origin
	ticket *monitor.Ticket
}

// scanPollEvery paces the progress bar.
const scanPollEvery = 250 * time.Millisecond

func newScanState(c *common.Common, hub *monitor.Hub) scanState {
	if hub == nil {
		hub = monitor.NewHub(c.Ctx)
	}
	return scanState{view: scanview.New(c), hub: hub}
}

// scanScope is what a scan covers now: the filtered list when a filter (or
// the flagged-only view) is on, the watchlist shown, else every segment.
func (m *Model) scanScope() ([]client.Segment, string) {
	switch {
	case !m.cat.loaded:
		return nil, "" // the first listing's pages are not every segment
	case m.list.Filter() != "":
		return m.list.Shown(), fmt.Sprintf("the filter %q", m.list.Filter())
	case m.watch.current != "":
		return m.list.Selected(), "watchlist " + m.watch.current
	}
	return m.list.All(), "all segments"
}

// scanOptions scans the window the dashboard shows, with the config's rules.
func (m *Model) scanOptions() monitor.ScanOptions {
	lists := client.WatchlistEntries(m.watch.lists)
	// Series younger than the live refresh are reused; older ones are asked
	// again, so the scan agrees with the rows on screen.
	return monitor.ScanOptions{Length: m.store.Length(), EndingAt: m.store.Key("").EndingAt, Concurrency: 8,
		MaxAge: m.opts.Refresh, Rules: m.opts.Rules, Watchlists: lists, Now: m.c.Now}
}

// openScan (S) shows the running scan's progress, or plans a scan of what
// the list shows and asks before it starts.
func (m *Model) openScan() tea.Cmd {
	if m.scan.ticket != nil {
		m.scan.view.Running(m.scan.ticket.Progress())
		return nil
	}
	segs, scope := m.scanScope()
	if len(segs) == 0 {
		return m.status.SetNotice("nothing to scan yet: the segment list is not loaded")
	}
	plan := scanview.Plan{Scope: scope, Segments: len(segs), Cost: monitor.Cost(m.opts.Cache, segs, m.scanOptions()),
		Limit: 250_000, Remaining: -1}
	if r, ok := m.opts.Cache.RateLimit(); ok && r.Limit > 0 {
		plan.Limit, plan.Remaining = r.Limit, r.Remaining
	}
	if running, ok := m.scan.hub.Running(); ok {
		plan.Joining, plan.JoiningScope = true, running
	}
	m.scan.segs, m.scan.scope = segs, scope
	m.scan.view.Confirm(plan)
	return nil
}

// startScan starts the planned scan, or joins the one running.
func (m *Model) startScan() tea.Cmd {
	segs, o, cache := m.scan.segs, m.scanOptions(), m.opts.Cache
	t := m.scan.hub.Join(m.scan.scope, func(ctx context.Context, p func(monitor.Progress)) *monitor.Report {
		return monitor.Scan(ctx, cache, segs, o, p)
	})
	m.scan.ticket, m.scan.scope = t, t.Scope
	m.scan.view.SetJoined(t.Joined)
	m.scan.view.Running(t.Progress())
	return m.waitScanCmd(t)
}

// waitScanCmd waits, off the event loop, for the scan's next progress or
// its end.
func (m *Model) waitScanCmd(t *monitor.Ticket) tea.Cmd {
	ctx, origin := m.c.Ctx, m.c.Origin
	return func() tea.Msg {
		select {
		case <-t.Updates():
		case <-t.Done():
		case <-ctx.Done():
			return nil
		}
		return scanUpdatedMsg{Origin: origin, ticket: t}
	}
}

// scanUpdated draws the progress, or takes in the answer when the scan ended.
func (m *Model) scanUpdated(msg scanUpdatedMsg) tea.Cmd {
	if msg.ticket != m.scan.ticket {
		return nil
	}
	if rep := msg.ticket.Report(); rep != nil {
		return m.scanFinished(rep)
	}
	if m.scan.view.Phase() == scanview.Running {
		m.scan.view.Running(msg.ticket.Progress())
	}
	t := msg.ticket
	return m.c.Tick(scanPollEvery, func(time.Time) tea.Msg { return scanPollMsg{Origin: m.c.Origin, ticket: t} })
}

// stopScan lets go of the scan (esc while it runs): it is cancelled when no
// other viewer watches it, and what came back is shown.
func (m *Model) stopScan() tea.Cmd {
	t := m.scan.ticket
	if t == nil {
		return nil
	}
	if !t.Leave() {
		m.scan.ticket = nil
		m.scan.view.Hide()
		return m.status.SetNotice("left the scan; it goes on for the other viewers")
	}
	return nil // the cancelled scan ends at once and its report arrives
}

// scanFinished shows the answer: every series fetched goes to the list (so
// every sort covers what was scanned), flagged segments get their mark,
// and the view lists which rules fired and why.
func (m *Model) scanFinished(rep *monitor.Report) tea.Cmd {
	m.scan.ticket = nil
	flags := map[string]string{}
	for _, r := range rep.Results {
		if r.Series != nil {
			// As a row scrolled back on screen is: no loading state, and
			// the age of the data, not of the scan's end.
			k := m.store.Key(r.Segment.ID)
			_, fetched, _ := m.opts.Cache.PeekWindow(k.SegmentID, k.Length, k.EndingAt)
			m.store.Adopt(k, r.Series, fetched)
		}
		if len(r.Alerts) > 0 {
			flags[r.Segment.ID] = flagGlyph(r.Stats)
		}
	}
	m.list.SetFlags(flags)
	m.list.Resort()
	rows := monitor.Rows(rep)
	monitor.SortRows(rows, monitor.ByScore)
	o := m.scanOptions()
	sum := output.ScanSummary{Scope: m.scan.scope, Length: m.store.Length(), Through: rep.Through.String(),
		Total: rep.Total, Done: rep.Done, Failed: rep.Failed, Cancelled: rep.Cancelled,
		Warnings: monitor.UnmatchedAll(o.Rules, m.list.All(), o.Watchlists)}
	m.scan.view.Finish(sum, rows)
	note := fmt.Sprintf("scan done: %s of %s alerted", output.Grouped(int64(len(flags))), output.Grouped(int64(rep.Total)))
	if rep.Cancelled {
		note = fmt.Sprintf("scan stopped: %s of %s not reached; %s alerted", output.Grouped(int64(rep.Total-rep.Done)),
			output.Grouped(int64(rep.Total)), output.Grouped(int64(len(flags))))
	}
	return tea.Batch(m.status.SetNotice(note), m.markDirty())
}

// flagGlyph marks a flagged row by the direction of its newest change.
func flagGlyph(st monitor.Stats) string {
	switch {
	case st.HasDay && st.DayChange < 0:
		return "▼"
	case st.HasDay && st.DayChange > 0:
		return "▲"
	}
	return "◆"
}

// scanKey handles a key while the scan view is shown.
func (m *Model) scanKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.scan.view.Phase() == scanview.Finished && key.Matches(msg, m.c.Keys.Flagged) {
		m.scan.view.Hide() // the answer's A: the list of the alerted rows
		return m.toggleFlagged()
	}
	switch m.scan.view.Key(msg) {
	case scanview.Start:
		return m.startScan()
	case scanview.Stop:
		return m.stopScan()
	}
	return nil
}

// toggleFlagged (A) shows only the segments the last scan flagged, or all.
func (m *Model) toggleFlagged() tea.Cmd {
	if m.list.Flagged() == 0 {
		return m.status.SetNotice("no alerts: S scans the workspace for them")
	}
	m.list.SetOnlyFlagged(!m.list.OnlyFlagged())
	if m.list.OnlyFlagged() {
		return tea.Batch(m.status.SetNotice("only alerted segments; A shows all"), m.ensureSeries())
	}
	return m.ensureSeries()
}
