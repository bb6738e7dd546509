package dash

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui"
)

// quitRecorder quits on ui.QuitAllMsg, as a dashboard does after its save.
type quitRecorder struct{ asked *bool }

func (q quitRecorder) Init() tea.Cmd { return nil }
func (q quitRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(ui.QuitAllMsg); ok {
		*q.asked = true
		return q, tea.Quit
	}
	return q, nil
}
func (q quitRecorder) View() tea.View { return tea.NewView("") }

// TestSignalQuitsAsQDoes: the end of main's context (a signal) asks the
// dashboard to quit as q does, rather than killing it before its save.
func TestSignalQuitsAsQDoes(t *testing.T) {
	parent, signal := context.WithCancel(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var asked bool
	p := tea.NewProgram(quitRecorder{&asked}, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithoutSignalHandler())
	stop := QuitOnSignal(parent, p, cancel)
	defer stop()
	signal() // before the program runs: the quit waits for it (Send blocks)
	if err := RunProgram(p); err != nil || !asked {
		t.Fatalf("run: %v; quit asked: %v", err, asked)
	}
}

// TestFailedSaveOnQuitIsReported: the last save's failure of each
// workspace is an error after the run; a later success clears it.
func TestFailedSaveOnQuitIsReported(t *testing.T) {
	var l SaveLog
	fail := true
	save := l.wrap("/cache/segdash/w1.json", func(*snapshot.Snapshot) error {
		if fail {
			return errors.New("no space left on device")
		}
		return nil
	})
	_ = save(&snapshot.Snapshot{})
	err := l.Err()
	if err == nil || !strings.Contains(err.Error(), "not saved to /cache/segdash/w1.json: no space left on device") {
		t.Fatalf("err %v", err)
	}
	fail = false
	_ = save(&snapshot.Snapshot{})
	if err := l.Err(); err != nil {
		t.Fatalf("after a good save: %v", err)
	}
	var none *SaveLog
	if none.Err() != nil {
		t.Fatal("no log, an error")
	}
}
