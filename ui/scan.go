package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/components/scanview"
)

// scanScope is what a scan (S) covers now: the filtered list when a filter
// (or the flagged-only view) is on, the watchlist shown, else every
// segment. It scans the window the dashboard shows, with the config's
// rules; series younger than the live refresh are reused, older ones are
// asked again, so the scan agrees with the rows on screen.
func (m *Model) scanScope() scanview.Scope {
	s := scanview.Scope{All: m.list.All(), Options: monitor.ScanOptions{Length: m.store.Length(),
		EndingAt: m.store.Key("").EndingAt, Concurrency: 8, MaxAge: m.opts.Refresh, Rules: m.opts.Rules,
		Watchlists: client.WatchlistEntries(m.watch.Lists()), Now: m.c.Now, KeepSeries: true}}
	current, _ := m.watch.Current()
	switch {
	case !m.cat.loaded:
		// The first listing's pages are not every segment.
	case m.list.Filter() != "":
		s.Segments, s.Label = m.list.Shown(), fmt.Sprintf("the filter %q", m.list.Filter())
	case current != "":
		s.Segments, s.Label = m.list.Selected(), "watchlist "+current
	default:
		s.Segments, s.Label = m.list.All(), "all segments"
	}
	return s
}

// adoptScan takes in a finished scan: every series fetched goes to the
// list (so every sort covers what was scanned), as a row scrolled back on
// screen is (no loading state, the age of the data, not of the scan's
// end), and segments with a firing alert get their mark (a silenced
// alert marks nothing: A shows what fires).
func (m *Model) adoptScan(rep *monitor.Report) tea.Cmd {
	flags := map[string]string{}
	for _, r := range rep.Results {
		if r.Series != nil {
			k := m.store.Key(r.Segment.ID)
			_, fetched, _ := m.opts.Cache.PeekWindow(k.SegmentID, k.Length, k.EndingAt)
			m.store.Adopt(k, r.Series, fetched)
		}
		if len(monitor.Firing(r.Alerts)) > 0 {
			flags[r.Segment.ID] = scanview.Glyph(r.Stats)
		}
	}
	m.list.SetFlags(flags)
	m.list.SetScanned(m.c.Now())
	m.list.Resort()
	return tea.Batch(m.save.markDirty(), m.ensureSeries()) // what the new order brought on screen
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
