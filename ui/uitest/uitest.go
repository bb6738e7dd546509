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
		case <-time.After(5 * time.Second):
			t.Fatal("a command did not return")
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}
