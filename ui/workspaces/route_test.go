package workspaces

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// runUntilQuit runs m in a Bubble Tea program without a terminal, sends it
// msgs and waits for it to quit: the program, not a test helper, runs the
// commands m returns (tea.Sequence among them).
func runUntilQuit(t *testing.T, m *Model, msgs ...tea.Msg) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithoutRenderer(), tea.WithoutSignals())
	done := make(chan error, 1)
	go func() {
		_, err := p.Run()
		done <- err
	}()
	for _, msg := range msgs {
		p.Send(msg)
	}
	if err := <-done; err != nil {
		t.Fatalf("the program ended with %v, not a quit", err)
	}
}

// TestReplyReachesTheWorkspaceThatAsked: us's listing, asked at start,
// answers while eu is on screen; it reaches us (the picker counts us's
// segments before us is shown again), not the dashboard on screen.
func TestReplyReachesTheWorkspaceThatAsked(t *testing.T) {
	us := newStandIn(t, "us", "key-us", 1, 30)
	eu := newStandIn(t, "eu", "key-eu", 2, 40)
	m := New([]Workspace{us.workspace(t), eu.workspace(t)}, 0, func() time.Time { return testNow })
	usStart := m.Init() // us's listing, held back
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	settle(t, m, cmd)
	press(t, m, "K", "down", "enter")
	usCount := fmt.Sprintf("%d segments", len(us.api.Workspace().Listed()))
	euCount := fmt.Sprintf("%d segments", len(eu.api.Workspace().Listed()))
	euScreen := screen(m)
	mustContain(t, euScreen, "eu · "+eu.url, euCount)

	settle(t, m, usStart) // us's replies arrive with eu on screen
	if got := screen(m); got != euScreen {
		t.Fatalf("us's listing changed eu's screen:\n%s\nwas:\n%s", got, euScreen)
	}
	press(t, m, "K")
	mustContain(t, screen(m), usCount, euCount)
	press(t, m, "up", "enter")
	mustContain(t, screen(m), "us · "+us.url, usCount)
}

// TestQuitRunsItsSequenceInOrder: q on the dashboard on screen quits the
// program through the host's tea.Sequence, untouched by the host: every
// open workspace's save runs, in order, before the quit.
func TestQuitRunsItsSequenceInOrder(t *testing.T) {
	m, us, eu := twoSame(t)
	press(t, m, "r")
	press(t, m, "K", "down", "enter", "r")
	var order []string
	for _, s := range []*standIn{us, eu} {
		s.onSave = func() { order = append(order, s.name) }
	}
	runUntilQuit(t, m, tea.KeyPressMsg{Code: 'q', Text: "q"})
	// eu asked to quit, so it saves first; the program quit after both.
	if len(order) != 2 || order[0] != "eu" || order[1] != "us" {
		t.Fatalf("saves ran in the order %v; want [eu us] before the quit", order)
	}
}
