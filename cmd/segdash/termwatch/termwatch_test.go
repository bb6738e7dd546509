package termwatch

import (
	"errors"
	"io"
	"syscall"
	"testing"
)

// goneTerminal fails every write as a closed terminal does.
type goneTerminal struct{ writes int }

func (g *goneTerminal) Write([]byte) (int, error) { g.writes++; return 0, syscall.EIO }

func TestWatchedWriterReportsOnce(t *testing.T) {
	calls := 0
	w := Output(&goneTerminal{}, func() { calls++ })
	for range 3 {
		if _, err := w.Write([]byte("x")); !errors.Is(err, syscall.EIO) {
			t.Errorf("error %v", err)
		}
	}
	if calls != 1 {
		t.Errorf("gone called %d times", calls)
	}
	if _, err := Output(io.Discard, func() { t.Error("gone on a good write") }).Write([]byte("x")); err != nil {
		t.Error(err)
	}
}
