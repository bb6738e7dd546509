package main

import (
	"context"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/cmd/segdash/dash"
	"github.com/segdash/segdash/cmd/segdash/termwatch"
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
	p := tea.NewProgram(idleModel{}, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(termwatch.Output(term, cancel)))
	done := make(chan error, 1)
	go func() { done <- dash.RunProgram(p) }()
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
