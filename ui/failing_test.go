package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui/live"
)

// failingRows counts the rows of the list marked failing (a "!" before
// the size) on screen.
func failingRows(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		list, _, _ := strings.Cut(l, "│")
		if strings.Contains(list, " !") {
			n++
		}
	}
	return n
}

// TestFailingMarksStayWhileTheAPIFails: with every answer garbage, the
// rows marked failing and the count in the status bar stay true at every
// refresh (an older answer in memory does not hide a failure), and clear
// once a fetch succeeds.
func TestFailingMarksStayWhileTheAPIFails(t *testing.T) {
	e := newTestEnv(t, 300)
	var ticks recordTicks
	m := e.newTestModel(Options{Refresh: 15 * time.Second, Tick: ticks.tick})
	start(t, m, 140, 40)
	e.api.SetFault(brazetest.Fault{Body: brazetest.BodyMalformed})
	e.advance(20 * time.Second)
	press(t, m, "R")
	s := screen(m)
	marked := failingRows(s)
	if marked < 20 {
		t.Fatalf("%d rows marked failing after R with every answer garbage:\n%s", marked, s)
	}
	for i := range 3 {
		e.advance(15 * time.Second)
		tick, _, _ := last[live.RefreshMsg](&ticks)
		_, cmd := m.Update(tick)
		settle(t, m, cmd)
		s = screen(m)
		if n := failingRows(s); n != marked {
			t.Fatalf("refresh %d: %d rows marked failing, want %d:\n%s", i+1, n, marked, s)
		}
		mustContain(t, s, fmt.Sprintf("%d failing", marked))
	}
	// Scrolled away and back, the rows still failed last.
	press(t, m, "G", "g")
	if n := failingRows(screen(m)); n != marked {
		t.Errorf("after G and g: %d rows marked failing, want %d", n, marked)
	}
	// ! jumps to the next failing row, below the screen too.
	press(t, m, "G", "!")
	if row := cursorRow(screen(m)); !strings.Contains(row, " !") {
		t.Errorf("! put the cursor on a row not failing: %q", row)
	}
	// R heals the rows on screen; the retry of failed rows the rest.
	e.api.SetFault(brazetest.Fault{})
	e.advance(time.Minute)
	press(t, m, "R")
	retry, _, _ := last[live.RetryMsg](&ticks)
	_, cmd := m.Update(retry)
	settle(t, m, cmd)
	s = screen(m)
	if n := failingRows(s); n != 0 || strings.Contains(s, "failing") {
		t.Errorf("%d rows still marked failing once the API answers:\n%s", n, s)
	}
}

// unfetchedRows counts the list's rows on screen that show no data and
// were not asked for ("—").
func unfetchedRows(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		list, _, _ := strings.Cut(l, "│")
		if strings.HasSuffix(strings.TrimRight(list, " "), " —") {
			n++
		}
	}
	return n
}

// TestRowsOnScreenAreFetchedByAnyPath: rows that come on screen by a jump
// in a data order (where arriving data moves rows), a sort, a filter or a
// resize are fetched without another key press.
func TestRowsOnScreenAreFetchedByAnyPath(t *testing.T) {
	e := newTestEnv(t, 3000)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	steps := []struct {
		name string
		do   func()
	}{
		{"s s (size order)", func() { press(t, m, "s", "s") }},
		{"G", func() { press(t, m, "G") }},
		{"g", func() { press(t, m, "g") }},
		{"s (change order)", func() { press(t, m, "s") }},
		{"G in change order", func() { press(t, m, "G") }},
		{"a filter", func() { press(t, m, "/", "c", "h", "enter") }},
		{"a taller window", func() { _, cmd := m.Update(windowSize(140, 60)); settle(t, m, cmd) }},
		{"80x24", func() { _, cmd := m.Update(windowSize(80, 24)); settle(t, m, cmd) }},
	}
	for _, st := range steps {
		st.do()
		if s := screen(m); unfetchedRows(s) > 0 {
			t.Fatalf("after %s: %d rows on screen never asked for:\n%s", st.name, unfetchedRows(s), s)
		}
	}
}

// TestQuitAllMsgSavesAsQDoes: the message the command sends on a signal
// saves the data for the next start, then quits, as q does.
func TestQuitAllMsgSavesAsQDoes(t *testing.T) {
	e := newTestEnv(t, 300)
	saved := 0
	m := e.newTestModel(Options{SaveSnapshot: func(*snapshot.Snapshot) error { saved++; return nil }})
	start(t, m, 120, 40)
	_, cmd := m.Update(QuitAllMsg{})
	msg := cmd()
	if _, ok := msg.(snapshotSavedMsg); !ok || saved != 1 {
		t.Fatalf("QuitAllMsg: %T, %d saves; want the save first", msg, saved)
	}
	if _, cmd = m.Update(msg); cmd == nil {
		t.Fatal("no quit after the save")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("the save on quit did not quit")
	}
	// The last frame is empty: nothing of it can reach the shell's screen
	// (tmux printed the last frame's lines after the window grew).
	if v := m.View(); v.Content != "" || !v.AltScreen {
		t.Errorf("the frame drawn while quitting: %q", v.Content)
	}
}
