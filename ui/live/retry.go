package live

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
)

// firstRetry is the first wait before failed rows are asked again; each
// further failure doubles it, up to the refresh interval.
const firstRetry = 5 * time.Second

// maxRetryOff bounds the backoff when live refresh is off.
const maxRetryOff = 5 * time.Minute

// RetryMsg ends a backoff: failed rows are asked again.
type RetryMsg struct {
	common.Origin
	gen int
}

// backoff is the state of retrying failed rows: a healed API shows within
// seconds, a broken one is asked less and less often.
type backoff struct {
	gen     int
	wait    time.Duration // the next wait; zero: firstRetry
	pending bool
}

// Failed notes that rows (or the listing) failed with something other
// than a rate limit, and schedules one retry after the backoff unless one
// is pending or a rate-limit wait runs (a 429 keeps its own wait).
func (m *Model) Failed() tea.Cmd {
	if m.retry.pending || !m.rateReset.IsZero() || m.offline {
		return nil
	}
	wait := m.retry.wait
	if wait <= 0 {
		wait = firstRetry
	}
	ceiling := m.Interval()
	if ceiling <= 0 {
		ceiling = maxRetryOff
	}
	wait = min(wait, max(ceiling, firstRetry))
	m.retry.wait = wait * 2
	m.retry.pending = true
	m.retry.gen++
	gen := m.retry.gen
	return m.c.Tick(wait, func(time.Time) tea.Msg { return RetryMsg{Origin: m.c.Origin, gen: gen} })
}

// Healed notes that nothing is failing any more: the next failure waits
// firstRetry again.
func (m *Model) Healed() {
	m.retry.wait = 0
}

// NextRetry is the wait a failure now would start (for tests and the
// README's account of the backoff).
func (m *Model) NextRetry() time.Duration {
	if m.retry.wait <= 0 {
		return firstRetry
	}
	return m.retry.wait
}

func (m *Model) retryFired(msg RetryMsg) (Action, tea.Cmd) {
	if msg.gen != m.retry.gen || !m.retry.pending {
		return None, nil
	}
	m.retry.pending = false
	if !m.rateReset.IsZero() {
		return None, nil // the rate limit's countdown retries at the reset
	}
	return RetryFailed, nil
}
