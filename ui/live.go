package ui

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
)

// blurFactor slows refresh while the terminal is out of focus.
const blurFactor = 4

// refreshSteps are the intervals + and - move between.
var refreshSteps = []time.Duration{5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second, time.Minute, 2 * time.Minute, 5 * time.Minute,
	10 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour}

// interval is the current refresh interval, slower while blurred.
func (m *Model) interval() time.Duration {
	if m.blurred {
		return m.refresh * blurFactor
	}
	return m.refresh
}

// scheduleRefresh starts a new refresh timer chain; older chains die.
func (m *Model) scheduleRefresh() tea.Cmd {
	m.tickGen++
	if m.refresh <= 0 || m.paused {
		return nil
	}
	gen := m.tickGen
	return m.tick(m.interval(), func(time.Time) tea.Msg { return refreshTickMsg{gen: gen} })
}

func (m *Model) refreshTick(msg refreshTickMsg) tea.Cmd {
	if msg.gen != m.tickGen || m.paused || m.refresh <= 0 {
		return nil
	}
	gen := m.tickGen
	next := m.tick(m.interval(), func(time.Time) tea.Msg { return refreshTickMsg{gen: gen} })
	if m.authErr != nil || !m.listLoaded || (m.listFromDisk && !m.listing) {
		// Recovery is automatic: try the listing again on each tick.
		return tea.Batch(next, m.loadSegmentsCmd(true))
	}
	// Sessions sharing the cache and ticking at the same pace share one
	// request: an answer a little younger than the interval is reused.
	return tea.Batch(next, m.refetch(true, m.interval()*9/10))
}

// scheduleAgeTick redraws when "updated … ago" will next change: every
// second for the first minute, then every minute. Nothing ticks otherwise.
func (m *Model) scheduleAgeTick() tea.Cmd {
	if m.lastUpdate.IsZero() {
		return nil
	}
	m.ageGen++
	gen := m.ageGen
	age := m.now().Sub(m.lastUpdate)
	var d time.Duration
	switch {
	case age < time.Minute:
		d = time.Second - age%time.Second
	case age < time.Hour:
		d = time.Minute - age%time.Minute
	default:
		d = time.Hour - age%time.Hour
	}
	return m.tick(d, func(time.Time) tea.Msg { return ageTickMsg{gen: gen} })
}

// noteRateLimit starts the countdown for a 429 and retries at the reset.
func (m *Model) noteRateLimit(err error) tea.Cmd {
	var ce *client.Error
	if !errors.As(err, &ce) || ce.Kind != client.ErrRateLimited {
		return nil
	}
	reset := ce.Reset
	if reset.IsZero() {
		reset = m.now().Add(time.Minute)
	}
	if reset.Equal(m.rateReset) {
		return nil
	}
	m.rateReset = reset
	m.rateGen++
	return m.rateTickCmd()
}

func (m *Model) rateTickCmd() tea.Cmd {
	gen := m.rateGen
	return m.tick(time.Second, func(time.Time) tea.Msg { return rateTickMsg{gen: gen} })
}

func (m *Model) rateTick(msg rateTickMsg) tea.Cmd {
	if msg.gen != m.rateGen || m.rateReset.IsZero() {
		return nil
	}
	if m.now().Before(m.rateReset) {
		return m.rateTickCmd()
	}
	m.rateReset = time.Time{}
	if !m.listLoaded {
		return m.loadSegmentsCmd(true)
	}
	return m.retryErrored()
}

// retryErrored refetches the on-screen series whose last fetch failed.
func (m *Model) retryErrored() tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range append(m.chartSegments(), m.list.OnScreen(lookahead)...) {
		k := m.keyFor(s.ID)
		if st, ok := m.series[k]; ok && st.err != nil && !st.loading {
			cmds = append(cmds, m.fetchSeriesCmd(k, 0))
		}
	}
	return tea.Batch(cmds...)
}

// stepRefresh moves the refresh interval one step faster (dir < 0) or slower.
func (m *Model) stepRefresh(dir int) tea.Cmd {
	i := 0
	for i < len(refreshSteps)-1 && refreshSteps[i] < m.refresh {
		i++
	}
	if m.refresh <= 0 {
		i = len(refreshSteps) // off: + turns it on at the slowest step
	}
	i = max(0, min(len(refreshSteps)-1, i+dir))
	m.refresh = refreshSteps[i]
	m.paused = false
	return tea.Batch(m.scheduleRefresh(), m.setNotice("refresh every "+shortDuration(m.refresh)))
}
