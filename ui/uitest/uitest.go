// Package uitest drives a Bubble Tea model in tests without a program: it
// runs a command and every command its messages lead to, feeding the
// messages back to the model, until nothing is left. Test dashboards have
// no timers (their Tick is replaced), so this ends, deterministically.
package uitest

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// maxSteps bounds the commands one Settle runs: a model that keeps asking
// for more fails the test instead of hanging it.
const maxSteps = 10_000

// Settle runs cmd and all that follows from it on m. tea.Batch runs its
// commands after the queue; a command that does not return within 5 s
// fails the test. The dashboards order their steps with messages of their
// own, never tea.Sequence, whose message only a tea.Program can run: a
// test of a sequence runs a program.
func Settle(t testing.TB, m tea.Model, cmd tea.Cmd) {
	t.Helper()
	SettleWith(t, m, cmd, Options{})
}

// Options are how SettleWith departs from Settle.
type Options struct {
	// Wait is how long a command may run: 5 s when zero.
	Wait time.Duration
	// Slow, when set, is given each command still running after Wait,
	// as the channel its message will come on, and SettleWith goes on
	// without it; when nil, such a command fails the test.
	Slow func(msg <-chan tea.Msg)
	// Updated, when set, is called after each message m is given (to
	// draw a frame, say).
	Updated func()
}

// SettleWith is Settle with o.
func SettleWith(t testing.TB, m tea.Model, cmd tea.Cmd, o Options) {
	t.Helper()
	wait := o.Wait
	if wait == 0 {
		wait = 5 * time.Second
	}
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > maxSteps {
			t.Fatal("the model never settled")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- c() }()
		var msg tea.Msg
		select {
		case msg = <-done:
		case <-time.After(wait):
			if o.Slow == nil {
				t.Fatal("a command did not return")
			}
			o.Slow(done)
			continue
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			_, next := m.Update(msg)
			if o.Updated != nil {
				o.Updated()
			}
			queue = append(queue, next)
		}
	}
}
