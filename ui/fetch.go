package ui

import (
	"errors"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/components/segmentlist"
	"github.com/segdash/segdash/ui/output"
)

// lookahead is how many rows below the screen get their series fetched.
const lookahead = 10

// manualMaxAge is the youngest answer an explicit refresh (r, R) re-asks
// for: pressing r twice does not cost two requests.
const manualMaxAge = 10 * time.Second

// loadSegmentsCmd lists every segment in the background, reporting progress.
func (m *Model) loadSegmentsCmd(fresh bool) tea.Cmd {
	m.listGen++
	m.listing = true
	m.listCount = 0
	gen, ctx, cache := m.listGen, m.ctx, m.cache
	ch := make(chan tea.Msg, 1)
	var once sync.Once
	// The listing starts when the command first runs (never in Update),
	// and reports through ch; each message carries wait for the next.
	list := func() {
		maxAge := time.Duration(0)
		if fresh {
			maxAge = client.Fresh
		}
		var wait tea.Cmd
		segs, err := cache.Segments(ctx, maxAge, func(n int) {
			select {
			case ch <- segmentsProgressMsg{gen: gen, n: n, next: wait}:
			default: // the screen is behind; it will catch up with the next one
			}
		})
		// Drain a pending progress message so the final one is not stuck.
		select {
		case <-ch:
		default:
		}
		select {
		case ch <- segmentsLoadedMsg{gen: gen, segs: segs, err: err}:
		case <-ctx.Done():
		}
	}
	var wait tea.Cmd
	wait = func() tea.Msg {
		once.Do(func() { go list() })
		select {
		case msg := <-ch:
			if p, ok := msg.(segmentsProgressMsg); ok {
				p.next = wait
				return p
			}
			return msg
		case <-ctx.Done():
			return nil
		}
	}
	return wait
}

func (m *Model) segmentsLoaded(msg segmentsLoadedMsg) tea.Cmd {
	if msg.gen != m.listGen {
		return nil
	}
	m.listing = false
	if msg.err != nil {
		m.listErr = msg.err
		if isAuthError(msg.err) {
			m.authErr = msg.err
		}
		return m.noteRateLimit(msg.err)
	}
	m.listErr, m.authErr = nil, nil
	m.listLoaded, m.listFromDisk, m.listedAt = true, false, m.now()
	m.list.SetSegments(msg.segs)
	var watch tea.Cmd
	if m.pendingWatch != "" {
		watch = m.applyWatchlist(m.pendingWatch)
	}
	return tea.Batch(watch, m.ensureSeries(), m.markDirty())
}

// chartSegments are the segments the chart shows: the selection, or the
// cursor's segment when nothing is selected or in focus mode.
func (m *Model) chartSegments() []client.Segment {
	sel := m.list.Selected()
	if len(sel) > 0 && !m.solo {
		return sel
	}
	if s, ok := m.list.Cursor(); ok {
		return []client.Segment{s}
	}
	return nil
}

// ensureSeries fetches what is on screen and not yet known. Untracked
// segments are fetched only when charted, and only once.
func (m *Model) ensureSeries() tea.Cmd {
	if !m.listLoaded || m.authErr != nil || m.opts.Offline {
		return nil
	}
	var cmds []tea.Cmd
	want := func(s client.Segment, charted bool) {
		if !s.AnalyticsTrackingEnabled && !charted {
			return
		}
		k := m.keyFor(s.ID)
		if st, ok := m.series[k]; ok && (st.loading || (st.series != nil && !st.fromDisk) || st.err != nil) {
			return // known, or on its way; the last run's data is refreshed once
		}
		cmds = append(cmds, m.fetchSeriesCmd(k, 0))
	}
	for _, s := range m.chartSegments() {
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
	if !m.listLoaded || m.opts.Offline {
		return nil
	}
	charted := m.chartSegments()
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
		k := m.keyFor(s.ID)
		st, ok := m.series[k]
		if ok && st.loading {
			continue
		}
		// An untracked segment is asked once, and only when charted: it
		// will not change by asking again.
		if !s.AnalyticsTrackingEnabled && (ok || i >= len(charted)) {
			continue
		}
		cmds = append(cmds, m.fetchSeriesCmd(k, maxAge))
	}
	return tea.Batch(cmds...)
}

// fetchSeriesCmd marks k loading (its old data stays) and fetches it.
func (m *Model) fetchSeriesCmd(k client.SeriesKey, maxAge time.Duration) tea.Cmd {
	m.seq++
	st, ok := m.series[k]
	if !ok {
		st = &seriesState{}
		m.series[k] = st
	}
	st.loading, st.token = true, m.seq
	token, ctx, cache := m.seq, m.ctx, m.cache
	return func() tea.Msg {
		s, err := cache.DataSeries(ctx, k, maxAge)
		return seriesLoadedMsg{key: k, token: token, series: s, err: err}
	}
}

func (m *Model) seriesLoaded(msg seriesLoadedMsg) tea.Cmd {
	st, ok := m.series[msg.key]
	if !ok || st.token != msg.token {
		return nil // an older fetch of the same key
	}
	st.loading = false
	if msg.key.Length != m.length || !msg.key.EndingAt.Equal(m.keyFor("").EndingAt) {
		// A window no longer shown: drop the reply, and the state with it
		// unless it holds data worth keeping for a return to that window.
		if st.series == nil {
			delete(m.series, msg.key)
		}
		return nil
	}
	if msg.err != nil {
		if client.IsCanceled(msg.err) {
			return nil
		}
		st.err = msg.err
		if isAuthError(msg.err) && !errors.Is(msg.err, client.ErrForbidden) {
			m.authErr = msg.err
		}
		return m.noteRateLimit(msg.err)
	}
	st.series, st.err, st.fromDisk = msg.series, nil, false
	st.fetched = m.now()
	m.lastUpdate = st.fetched
	if m.authErr != nil && !isAuthError(m.listErr) {
		m.authErr = nil
	}
	if msg.key.EndingAt.IsZero() {
		if p, ok := msg.series.Latest(); ok {
			if d := p.Day.AddDays(1); m.nowDay.Before(d) {
				m.nowDay = d
			}
		}
	}
	m.list.Resort()
	return tea.Batch(m.scheduleAgeTick(), m.markDirty())
}

// summary tells the list what is known of a segment's series.
func (m *Model) summary(id string) segmentlist.Summary {
	var sum segmentlist.Summary
	seg, _ := m.list.Lookup(id)
	sum.Untracked = !seg.AnalyticsTrackingEnabled && seg.ID != ""
	st, ok := m.series[m.keyFor(id)]
	if !ok {
		return sum
	}
	sum.Loading = st.loading
	if st.err != nil {
		sum.Err = st.err.Error()
		sum.Stale = true
	}
	if st.series != nil && len(st.series.Points) > 0 {
		sum.Untracked = false // it has data after all (zeros mode)
		sum.HasData = true
		pts := st.series.Points
		sum.Values = make([]int64, len(pts))
		for i, p := range pts {
			sum.Values[i] = p.Size
		}
		sum.Latest = pts[len(pts)-1].Size
		sum.Change = output.ChangeOf(pts[0].Size, sum.Latest)
	}
	return sum
}

// isAuthError reports a 401 or 403: the key, instance or permission is wrong.
func isAuthError(err error) bool {
	return errors.Is(err, client.ErrUnauthorized) || errors.Is(err, client.ErrForbidden)
}

// detailsCmd opens the details view for the cursor's segment and fetches.
func (m *Model) detailsCmd() tea.Cmd {
	s, ok := m.list.Cursor()
	if !ok {
		return nil
	}
	m.details = &detailsState{id: s.ID}
	if m.opts.Offline {
		m.details.err = &client.Error{Kind: client.ErrOffline, Endpoint: "/segments/details"}
		return nil
	}
	ctx, cache, id := m.ctx, m.cache, s.ID
	return func() tea.Msg {
		d, err := cache.Details(ctx, id, 0)
		return detailsLoadedMsg{id: id, details: d, err: err}
	}
}
