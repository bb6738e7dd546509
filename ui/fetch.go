package ui

import (
	"errors"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/chartpane"
	"github.com/segdash/segdash/ui/series"
)

// lookahead is how many rows below the screen get their series fetched.
const lookahead = 10

// manualMaxAge is the youngest answer an explicit refresh (r, R) re-asks
// for: pressing r twice does not cost two requests.
const manualMaxAge = 10 * time.Second

// charted are the segments the chart shows; off screen, the selection it
// lends.
func (m *Model) charted() []client.Segment {
	if m.share.away {
		return m.list.Selected()
	}
	cur, ok := m.list.Cursor()
	return m.chart.Charted(m.list.Selected(), cur, ok)
}

// ensureSeries fetches what is on screen and not yet known, and lets go of
// what left the screen (the cache keeps it). Untracked segments are
// fetched only when charted, and only once.
func (m *Model) ensureSeries() tea.Cmd {
	charted, onScreen := m.charted(), m.onScreen(lookahead)
	if m.opts.Demo && m.list.ByData() && m.cat.loaded && !m.share.away {
		// The demo's few hundred segments cost nothing to ask: a data
		// order covers them all without a scan.
		onScreen = m.list.All()
	}
	if !m.share.away {
		// Off screen the store keeps what its own screen showed: that is
		// what its next start (the snapshot) and its return show. On
		// screen it keeps only the series of what is charted, selected or
		// on screen with the lookahead: paging through 10,000 rows no
		// longer keeps 10,000 series in the model.
		keep := make(map[string]bool, len(charted)+len(onScreen)+m.list.SelectedCount())
		for _, group := range [][]client.Segment{charted, onScreen, m.list.Selected()} {
			for _, s := range group {
				keep[s.ID] = true
			}
		}
		m.store.Trim(func(id string) bool { return keep[id] })
	}
	// The first listing's pages are rows like any other.
	if (!m.cat.loaded && m.list.Len() == 0) || m.cat.authErr != nil || m.opts.Offline {
		return nil
	}
	var keys []client.SeriesKey
	want := func(s client.Segment, charted bool, k client.SeriesKey) {
		if !s.AnalyticsTrackingEnabled && !charted {
			return
		}
		if _, held := m.store.State(k); !held {
			// Back on screen: the cache's copy shows at once; the fetch
			// below costs a request only if that copy is past its TTL.
			if series, at, ok := m.opts.Cache.PeekWindow(k.SegmentID, k.Length, k.EndingAt); ok {
				m.store.Adopt(k, series, at)
				keys = append(keys, k)
				return
			}
		}
		if m.store.Wanted(k) && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, s := range charted {
		want(s, true, m.store.Key(s.ID))
		if m.store.Previous() && len(charted) == 1 {
			// The previous period holds closed days only: after the
			// first time it costs nothing (the cache keeps closed chunks).
			want(s, true, m.store.PreviousKey(s.ID, m.c.Now()))
		}
	}
	for _, s := range onScreen {
		want(s, false, m.store.Key(s.ID))
	}
	return m.fetchSeriesCmd(keys, 0)
}

// onScreen are the list's rows on screen and the lookahead below them;
// none while another workspace's dashboard is on screen.
func (m *Model) onScreen(lookahead int) []client.Segment {
	if m.share.away {
		return nil
	}
	return m.list.OnScreen(lookahead)
}

// refetch asks again for the charted series (maxAge) and, when all, the
// other rows on screen (rowAge), letting the cache answer from memory what
// is younger. The live refresh asks the charted series again when older
// than the scheduler's MaxAge, the other rows on screen when older than
// the cache's TTL (rowAge 0): a daily series changes at most once a day,
// and asking every row on screen at every tick cost a request per row per
// tick for numbers that did not change.
func (m *Model) refetch(all bool, maxAge, rowAge time.Duration) tea.Cmd {
	if !m.cat.loaded || m.opts.Offline {
		return nil
	}
	charted := m.charted()
	segs := charted
	if all {
		segs = append(segs, m.onScreen(0)...)
	}
	var keys []client.SeriesKey
	var ages []time.Duration
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
		keys = append(keys, k)
		switch {
		case ok && st.Err != nil:
			// The answer in memory is older than the failure: it would
			// hide a failure the API still has.
			ages = append(ages, client.Fresh)
		case i < len(charted):
			ages = append(ages, maxAge)
		default:
			ages = append(ages, rowAge)
		}
	}
	if m.store.Previous() && len(charted) == 1 {
		// Asked with the window: its closed chunks come from memory, and
		// after midnight its key moves with the window's first day.
		if k := m.store.PreviousKey(charted[0].ID, m.c.Now()); !slices.Contains(keys, k) {
			if st, ok := m.store.State(k); !ok || !st.Loading {
				keys = append([]client.SeriesKey{k}, keys...)
				ages = append([]time.Duration{maxAge}, ages...)
			}
		}
	}
	return m.fetchSeriesCmd(keys, ages...)
}

// retryFailed refetches the charted and on-screen series whose last
// fetch failed, and the rows scrolled away that failed last (the store
// keeps them until a fetch succeeds, so "N failing" heals with the API).
// It asks the API (joining a request in flight): the remembered answer is
// older than the one that failed, and would hide the failure.
func (m *Model) retryFailed() tea.Cmd {
	var keys []client.SeriesKey
	segs := append(m.charted(), m.onScreen(lookahead)...)
	for _, id := range m.store.FailingIDs() {
		if s, ok := m.list.Lookup(id); ok {
			segs = append(segs, s)
		}
	}
	for _, s := range segs {
		k := m.store.Key(s.ID)
		// A segment without tracking failed for good: no retry.
		if st, ok := m.store.State(k); ok && st.Err != nil && !st.Loading && !chartpane.Untracked(s, st) && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return m.fetchSeriesCmd(keys, client.Fresh)
}

// seriesReplies records replies that arrived together, then does once
// what new data or failures ask for: resort, the retry backoff, a save.
func (m *Model) seriesReplies(replies []seriesLoadedMsg) tea.Cmd {
	var loaded, failed bool
	var cmds []tea.Cmd
	for _, msg := range replies {
		fetched := msg.fetched
		if fetched.IsZero() {
			fetched = m.c.Now()
		}
		switch m.store.Finish(msg.key, msg.token, msg.series, msg.err, fetched) {
		case series.Failed:
			if common.IsAuthError(msg.err) && !errors.Is(msg.err, client.ErrForbidden) {
				m.cat.authErr = msg.err
			}
			if errors.Is(msg.err, client.ErrRateLimited) {
				cmds = append(cmds, m.live.NoteRateLimit(msg.err))
			} else if !common.IsAuthError(msg.err) {
				failed = true
			}
		case series.Loaded:
			loaded = true
			m.live.Updated(fetched)
		}
	}
	if failed {
		cmds = append(cmds, m.live.Failed())
	}
	if loaded {
		if m.cat.authErr != nil && !common.IsAuthError(m.cat.err) {
			m.cat.authErr = nil
		}
		if m.store.Failing() == 0 {
			m.live.Healed()
		}
		m.list.Resort()
		// In a data order, rows the new data moved bring others on
		// screen; new data may also move the window's first day, and
		// with it the previous period's key: ask for those now, not at
		// the next key press or refresh.
		cmds = append(cmds, m.save.markDirty(), m.ensureSeries())
	}
	return tea.Batch(cmds...)
}
