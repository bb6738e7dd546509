package live

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
)

// timers records the timers a model asks for; none fires by itself.
type timers struct{ msgs []tea.Msg }

func (r *timers) tick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	r.msgs = append(r.msgs, fn(time.Time{}))
	return nil
}

func (r *timers) last() tea.Msg { return r.msgs[len(r.msgs)-1] }

func newModel(refresh time.Duration, now *time.Time) (*Model, *timers) {
	r := &timers{}
	c := common.New(context.Background(), func() time.Time { return *now }, r.tick, nil)
	return New(c, refresh, false), r
}

func TestPauseEndsTheTimerChain(t *testing.T) {
	now := time.Unix(0, 0)
	m, r := newModel(time.Minute, &now)
	m.Start()
	if a, _ := m.Update(r.last()); a != Refresh {
		t.Fatalf("a tick asked for %v", a)
	}
	m.TogglePause()
	if a, _ := m.Update(r.last()); a != None {
		t.Error("a paused scheduler asked for a refresh")
	}
	m.TogglePause()
	if a, _ := m.Update(r.last()); a != Refresh {
		t.Error("resuming did not start a new chain")
	}
}

func TestStepFromOffAndBack(t *testing.T) {
	now := time.Unix(0, 0)
	m, _ := newModel(0, &now)
	if got, _ := m.Step(-1); got != time.Hour {
		t.Errorf("+ from off: %v, want the slowest step", got)
	}
	if got, _ := m.Step(-1); got != 30*time.Minute {
		t.Errorf("+ again: %v", got)
	}
	if got, _ := m.Step(1); got != time.Hour {
		t.Errorf("-: %v", got)
	}
}

func TestRateLimitWaitsForTheReset(t *testing.T) {
	now := time.Unix(0, 0)
	m, r := newModel(0, &now)
	reset := now.Add(90 * time.Second)
	m.NoteRateLimit(&client.Error{Kind: client.ErrRateLimited, Reset: reset})
	if got := m.Status(); got[len(got)-1] != "rate limited: retry in 1:30" {
		t.Errorf("status %v", got)
	}
	if a, _ := m.Update(r.last()); a != None {
		t.Error("retry before the reset")
	}
	now = reset
	if a, _ := m.Update(r.last()); a != RetryFailed {
		t.Errorf("at the reset: %v", a)
	}
	if got := m.Status(); len(got) != 1 || got[0] != "live off" {
		t.Errorf("countdown still shown: %v", got)
	}
}
