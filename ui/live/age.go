package live

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
)

// AgeMsg wakes the screen when an "… ago" label on it changes.
type AgeMsg struct {
	common.Origin
	gen int
}

// ageTicker is the one timer behind every "… ago" label: it is set for the
// next moment one of them changes its text, and no other timer is.
type ageTicker struct {
	gen int
	due time.Time // when the pending tick fires; zero: none pending
}

// fired clears the pending tick when msg is it (older ticks are stale).
func (a *ageTicker) fired(msg AgeMsg) {
	if msg.gen == a.gen {
		a.due = time.Time{}
	}
}

// WatchAges keeps the age ticker set for the next moment the text of an
// age label changes: "updated … ago" and those of refs (zero times are
// ignored). It starts a timer only when none pending fires early enough,
// so replies arriving together never start one timer each. Call it after
// every message.
func (m *Model) WatchAges(refs ...time.Time) tea.Cmd {
	now := m.c.Now()
	var next time.Time
	for _, r := range append(refs, m.lastUpdate) {
		if r.IsZero() {
			continue
		}
		if t := now.Add(untilLabelChanges(now.Sub(r))); next.IsZero() || t.Before(next) {
			next = t
		}
	}
	if next.IsZero() || (!m.age.due.IsZero() && !m.age.due.After(next)) {
		return nil
	}
	m.age.gen++
	m.age.due = next
	gen := m.age.gen
	return m.c.Tick(next.Sub(now), func(time.Time) tea.Msg { return AgeMsg{Origin: m.c.Origin, gen: gen} })
}

// untilLabelChanges is how long common.Ago(age) keeps its text: steps of
// common.AgoStep in the first minute, then minutes, then hours.
func untilLabelChanges(age time.Duration) time.Duration {
	switch {
	case age < 0:
		return -age
	case age < time.Minute:
		return common.AgoStep - age%common.AgoStep
	case age < time.Hour:
		return time.Minute - age%time.Minute
	}
	return time.Hour - age%time.Hour
}
