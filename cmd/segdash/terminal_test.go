package main

import (
	"context"
	"errors"
	"io"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// goneTerminal fails every write as a closed terminal does.
type goneTerminal struct{ writes int }

func (g *goneTerminal) Write([]byte) (int, error) { g.writes++; return 0, syscall.EIO }

// idleModel waits for ever.
type idleModel struct{}

func (idleModel) Init() tea.Cmd                         { return nil }
func (m idleModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }
func (idleModel) View() tea.View                        { return tea.NewView("frame") }

// TestDashboardEndsWhenTheTerminalIsGone: once writing fails, the program
// ends instead of retrying its frame for ever.
func TestDashboardEndsWhenTheTerminalIsGone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	term := &goneTerminal{}
	p := tea.NewProgram(idleModel{}, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(watchOutput(term, cancel)))
	done := make(chan error, 1)
	go func() { done <- runProgram(p) }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		p.Kill()
		t.Fatalf("still running after %d failed writes", term.writes)
	}
}

func TestWatchedWriterReportsOnce(t *testing.T) {
	calls := 0
	w := watchOutput(&goneTerminal{}, func() { calls++ })
	for range 3 {
		if _, err := w.Write([]byte("x")); !errors.Is(err, syscall.EIO) {
			t.Errorf("error %v", err)
		}
	}
	if calls != 1 {
		t.Errorf("gone called %d times", calls)
	}
	if _, err := watchOutput(io.Discard, func() { t.Error("gone on a good write") }).Write([]byte("x")); err != nil {
		t.Error(err)
	}
}
