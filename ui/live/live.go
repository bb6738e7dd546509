// Package live is the dashboard's live-refresh scheduler: the refresh timer
// (paused, slowed while the terminal is out of focus, stepped faster or
// slower), the one age ticker that wakes the screen when an "… ago" label
// changes, the retry of failed rows with backoff and the rate-limit
// countdown. It decides when; the root decides what to fetch.
package live

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
)

// blurFactor slows refresh while the terminal is out of focus.
const blurFactor = 4

// refreshSteps are the intervals + and - move between.
func refreshSteps() []time.Duration {
	return []time.Duration{5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second, time.Minute,
		2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour}
}

// RefreshMsg is the live-refresh timer; ticks of an older gen are stale.
type RefreshMsg struct {
	common.Origin
	gen int
}

// RateMsg counts down to a rate-limit reset.
type RateMsg struct {
	common.Origin
	gen int
}

// Action is what the root should do after a timer fired.
type Action int

// The actions Update asks for.
const (
	None        Action = iota
	Refresh            // refresh what is shown, reusing answers younger than MaxAge
	RetryFailed        // the rate limit reset, or a backoff ended: retry what failed
)

// Model is the scheduler's state.
type Model struct {
	c          *common.Common
	refresh    time.Duration
	offline    bool
	paused     bool
	blurred    bool
	tickGen    int
	rateGen    int
	lastUpdate time.Time
	rateReset  time.Time
	age        ageTicker
	retry      backoff
}

// New returns a scheduler refreshing every refresh (0: never); an offline
// one never schedules a refresh.
func New(c *common.Common, refresh time.Duration, offline bool) *Model {
	return &Model{c: c, refresh: refresh, offline: offline}
}

// Interval is the current refresh interval, slower while blurred.
func (m *Model) Interval() time.Duration {
	if m.blurred {
		return m.refresh * blurFactor
	}
	return m.refresh
}

// MaxAge is the oldest answer a timed refresh reuses: sessions sharing the
// cache and ticking at the same pace then share one request.
func (m *Model) MaxAge() time.Duration { return m.Interval() * 9 / 10 }

// Start starts a new refresh timer chain; older chains die.
func (m *Model) Start() tea.Cmd {
	m.tickGen++
	if m.refresh <= 0 || m.paused || m.offline {
		return nil
	}
	return m.refreshCmd()
}

func (m *Model) refreshCmd() tea.Cmd {
	gen := m.tickGen
	return m.c.Tick(m.Interval(), func(time.Time) tea.Msg { return RefreshMsg{Origin: m.c.Origin, gen: gen} })
}

// Update handles the scheduler's timers and the terminal's focus.
func (m *Model) Update(msg tea.Msg) (Action, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BlurMsg:
		m.blurred = true
	case tea.FocusMsg:
		if m.blurred {
			m.blurred = false
			return None, m.Start() // back to the normal pace now
		}
	case RefreshMsg:
		if msg.gen != m.tickGen || m.paused || m.refresh <= 0 {
			return None, nil
		}
		return Refresh, m.refreshCmd()
	case AgeMsg:
		m.age.fired(msg)
	case RetryMsg:
		return m.retryFired(msg)
	case RateMsg:
		if msg.gen != m.rateGen || m.rateReset.IsZero() {
			return None, nil
		}
		if m.c.Now().Before(m.rateReset) {
			return None, m.rateCmd()
		}
		m.rateReset = time.Time{}
		return RetryFailed, nil
	}
	return None, nil
}

// TogglePause pauses or resumes, reporting whether it is paused now.
func (m *Model) TogglePause() (bool, tea.Cmd) {
	m.paused = !m.paused
	if m.paused {
		m.tickGen++ // the running timer chain dies
		return true, nil
	}
	return false, m.Start()
}

// Step moves the interval one step faster (dir < 0) or slower, resuming a
// paused scheduler, and returns the new interval.
func (m *Model) Step(dir int) (time.Duration, tea.Cmd) {
	steps := refreshSteps()
	i := 0
	for i < len(steps)-1 && steps[i] < m.refresh {
		i++
	}
	if m.refresh <= 0 {
		i = len(steps) // off: + turns it on at the slowest step
	}
	i = max(0, min(len(steps)-1, i+dir))
	m.refresh = steps[i]
	m.paused = false
	return m.refresh, m.Start()
}

// Updated records data the API answered at t: "updated … ago" is the age
// of the newest data, not of the last reply (a reply from the cache brings
// the time the cache fetched it).
func (m *Model) Updated(t time.Time) {
	if t.After(m.lastUpdate) {
		m.lastUpdate = t
	}
}

// LastUpdate is the time of the newest data recorded by Updated (zero:
// none yet).
func (m *Model) LastUpdate() time.Time { return m.lastUpdate }

// NoteRateLimit starts the countdown for a 429; Update asks for a retry
// at the reset.
func (m *Model) NoteRateLimit(err error) tea.Cmd {
	var ce *client.Error
	if !errors.As(err, &ce) || ce.Kind != client.ErrRateLimited {
		return nil
	}
	reset := ce.Reset
	m.retry.pending = false // the rate limit's own wait replaces the backoff
	if reset.IsZero() {
		reset = m.c.Now().Add(time.Minute)
	}
	if reset.Equal(m.rateReset) {
		return nil
	}
	m.rateReset = reset
	m.rateGen++
	return m.rateCmd()
}

func (m *Model) rateCmd() tea.Cmd {
	gen := m.rateGen
	return m.c.Tick(time.Second, func(time.Time) tea.Msg { return RateMsg{Origin: m.c.Origin, gen: gen} })
}

// Status is the scheduler's part of the status bar.
func (m *Model) Status() []string {
	var parts []string
	switch {
	case m.offline:
	case m.refresh <= 0:
		parts = append(parts, "live off")
	case m.paused:
		parts = append(parts, "paused")
	case m.blurred:
		parts = append(parts, "every "+common.ShortDuration(m.Interval())+" (unfocused)")
	default:
		parts = append(parts, "every "+common.ShortDuration(m.refresh))
	}
	now := m.c.Now()
	if !m.lastUpdate.IsZero() {
		parts = append(parts, "updated "+common.Ago(now.Sub(m.lastUpdate)))
	}
	if !m.rateReset.IsZero() {
		left := max(0, m.rateReset.Sub(now))
		parts = append(parts, fmt.Sprintf("rate limited: retry in %d:%02d", int(left.Minutes()), int(left.Seconds())%60))
	}
	return parts
}
