package dash

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui"
)

// signalSaveGrace is how long a signal waits for the dashboard to save
// before the program is ended regardless: a hung disk must not keep a
// dashboard told to stop.
const signalSaveGrace = 5 * time.Second

// QuitOnSignal makes the end of parent (main's context ends on SIGINT,
// SIGTERM and SIGHUP) quit the dashboard as q does, saving its data for
// the next start; if that takes longer than signalSaveGrace, end cancels
// the program. The returned stop ends the watch.
func QuitOnSignal(parent context.Context, p *tea.Program, end context.CancelFunc) (stop func()) {
	done := make(chan struct{})
	go func() {
		select {
		case <-parent.Done():
		case <-done:
			return
		}
		p.Send(ui.QuitAllMsg{})
		select {
		case <-time.After(signalSaveGrace):
			end()
		case <-done:
		}
	}()
	return func() { close(done) }
}

// SaveLog remembers the outcome of each workspace's last save of its data
// for the next start, so that a failed save on quit is reported after the
// screen is restored (on the screen it would be gone with the dashboard).
type SaveLog struct {
	mu   sync.Mutex
	last map[string]error // by snapshot file
}

// wrap records the outcomes of save, the store at path's.
func (l *SaveLog) wrap(path string, save func(*snapshot.Snapshot) error) func(*snapshot.Snapshot) error {
	return func(s *snapshot.Snapshot) error {
		err := save(s)
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.last == nil {
			l.last = map[string]error{}
		}
		l.last[path] = err
		return err
	}
}

// Err is the failure of the last save of each workspace whose last save
// failed, or nil.
func (l *SaveLog) Err() error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	var errs []error
	for path, err := range l.last {
		if err != nil {
			errs = append(errs, fmt.Errorf("the data for the next start was not saved to %s: %w", path, err))
		}
	}
	return errors.Join(errs...)
}
