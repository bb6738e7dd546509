package ui

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/chartpane"
	"github.com/segdash/segdash/ui/components/details"
	"github.com/segdash/segdash/ui/series"
)

// lookahead is how many rows below the screen get their series fetched.
const lookahead = 10

// manualMaxAge is the youngest answer an explicit refresh (r, R) re-asks
// for: pressing r twice does not cost two requests.
const manualMaxAge = 10 * time.Second

// charted are the segments the chart shows.
func (m *Model) charted() []client.Segment {
	cur, ok := m.list.Cursor()
	return m.chart.Charted(m.list.Selected(), cur, ok)
}

// ensureSeries fetches what is on screen and not yet known. Untracked
// segments are fetched only when charted, and only once.
func (m *Model) ensureSeries() tea.Cmd {
	if !m.cat.loaded || m.cat.authErr != nil || m.opts.Offline {
		return nil
	}
	var cmds []tea.Cmd
	want := func(s client.Segment, charted bool) {
		if !s.AnalyticsTrackingEnabled && !charted {
			return
		}
		if k := m.store.Key(s.ID); m.store.Wanted(k) {
			cmds = append(cmds, m.fetchSeriesCmd(k, 0))
		}
	}
	for _, s := range m.charted() {
		want(s, true)
	}
	for _, s := range m.list.OnScreen(lookahead) {
		want(s, false)
	}
	return tea.Batch(cmds...)
}

// refetch asks again for the on-screen (all) or charted series, letting the
// cache answer from memory what is younger than maxAge.
func (m *Model) refetch(all bool, maxAge time.Duration) tea.Cmd {
	if !m.cat.loaded || m.opts.Offline {
		return nil
	}
	charted := m.charted()
	segs := charted
	if all {
		segs = append(segs, m.list.OnScreen(0)...)
	}
	var cmds []tea.Cmd
	seen := map[string]bool{}
	for i, s := range segs {
		if seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		k := m.store.Key(s.ID)
		st, ok := m.store.State(k)
		if ok && st.Loading {
			continue
		}
		// An untracked segment is asked once, and only when charted: it
		// will not change by asking again.
		if chartpane.Untracked(s, st) && (ok || i >= len(charted)) {
			continue
		}
		cmds = append(cmds, m.fetchSeriesCmd(k, maxAge))
	}
	return tea.Batch(cmds...)
}

// retryFailed refetches the on-screen series whose last fetch failed.
func (m *Model) retryFailed() tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range append(m.charted(), m.list.OnScreen(lookahead)...) {
		k := m.store.Key(s.ID)
		// A segment without tracking failed for good: no retry.
		if st, ok := m.store.State(k); ok && st.Err != nil && !st.Loading && !chartpane.Untracked(s, st) {
			cmds = append(cmds, m.fetchSeriesCmd(k, 0))
		}
	}
	return tea.Batch(cmds...)
}

// fetchSeriesCmd marks k loading (its old data stays) and fetches it.
func (m *Model) fetchSeriesCmd(k client.SeriesKey, maxAge time.Duration) tea.Cmd {
	token, ctx, cache := m.store.Begin(k), m.c.Ctx, m.opts.Cache
	return func() tea.Msg {
		s, err := cache.DataSeries(ctx, k, maxAge)
		return seriesLoadedMsg{key: k, token: token, series: s, err: err}
	}
}

func (m *Model) seriesLoaded(msg seriesLoadedMsg) tea.Cmd {
	now := m.c.Now()
	switch m.store.Finish(msg.key, msg.token, msg.series, msg.err, now) {
	case series.Failed:
		if common.IsAuthError(msg.err) && !errors.Is(msg.err, client.ErrForbidden) {
			m.cat.authErr = msg.err
		}
		return m.live.NoteRateLimit(msg.err)
	case series.Loaded:
		if m.cat.authErr != nil && !common.IsAuthError(m.cat.err) {
			m.cat.authErr = nil
		}
		m.list.Resort()
		return tea.Batch(m.live.Updated(now), m.markDirty())
	}
	return nil
}

// detailsCmd opens the details view for the cursor's segment and fetches.
func (m *Model) detailsCmd() tea.Cmd {
	s, ok := m.list.Cursor()
	if !ok {
		return nil
	}
	m.details.Open(s)
	if m.opts.Offline {
		m.details.Fail(&client.Error{Kind: client.ErrOffline, Endpoint: "/segments/details"})
		return nil
	}
	ctx, cache, id := m.c.Ctx, m.opts.Cache, s.ID
	return func() tea.Msg {
		d, err := cache.Details(ctx, id, 0)
		return details.LoadedMsg{ID: id, Details: d, Err: err}
	}
}
