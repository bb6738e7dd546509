package dash

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// panicModel panics on its first message.
type panicModel struct{}

func (panicModel) Init() tea.Cmd                       { return func() tea.Msg { return "boom" } }
func (panicModel) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("boom") }
func (panicModel) View() tea.View                      { return tea.NewView("") }

// TestDashboardPanicIsAnError: a panic in the dashboard (which Bubble Tea
// recovers) ends segdash with an error, not a clean exit.
func TestDashboardPanicIsAnError(t *testing.T) {
	p := tea.NewProgram(panicModel{}, tea.WithInput(nil), tea.WithOutput(io.Discard))
	if err := RunProgram(p); !errors.Is(err, ErrPanic) {
		t.Errorf("a panicking dashboard ended with %v", err)
	}
}

func TestSetAsideAfterACrash(t *testing.T) {
	path := filepath.Join(t.TempDir(), "snapshot.json")
	os.WriteFile(path, []byte("{}"), 0o600)
	msg := SetAside(path, func() time.Time { return time.Unix(1700000000, 0) })
	if _, err := os.Stat(path + ".bad-1700000000"); err != nil || !strings.Contains(msg, "set aside") {
		t.Errorf("%q, %v", msg, err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the snapshot is still in place")
	}
}
