package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestFilterPromptIsModal: `/acc` ↓ `q` types q into the prompt (it does not
// quit); the arrow moved the list's cursor and the prompt stayed open until
// enter.
func TestFilterPromptIsModal(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	press(t, m, "/", "a", "c")
	if m.list.Visible() < 3 {
		t.Fatalf("setup: /ac matches %d segments", m.list.Visible())
	}
	first := m.list.CursorID()
	press(t, m, "down")
	if !m.filter.Active() {
		t.Fatal("↓ closed the filter prompt")
	}
	if m.list.CursorID() == first {
		t.Error("↓ in the prompt did not move the list's cursor")
	}
	_, cmd := m.Update(keyMsg("q"))
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q in the filter prompt quits")
		}
	}
	if !m.filter.Active() || m.filter.Value() != "acq" {
		t.Fatalf("q did not go to the prompt: open %v, value %q", m.filter.Active(), m.filter.Value())
	}
	press(t, m, "backspace")
	for _, k := range []tea.KeyPressMsg{{Code: 'j', Mod: tea.ModCtrl}, {Code: tea.KeyPgDown}, {Code: 'k', Mod: tea.ModCtrl}} {
		before := m.list.CursorIndex()
		_, cmd := m.Update(k)
		settle(t, m, cmd)
		if m.list.CursorIndex() == before || !m.filter.Active() {
			t.Errorf("%s: cursor %d → %d, prompt open %v", k, before, m.list.CursorIndex(), m.filter.Active())
		}
	}
	press(t, m, "enter")
	if m.filter.Active() || m.list.Filter() != "ac" {
		t.Errorf("enter: prompt open %v, filter %q", m.filter.Active(), m.list.Filter())
	}
	if !strings.Contains(screen(m), "filter: ac") {
		t.Errorf("the title does not show the filter:\n%s", screen(m))
	}
}

// TestMouseOffSaidOnce: turning the mouse off says so once on the status
// bar, not "mouse off · mouse off: …".
func TestMouseOffSaidOnce(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	press(t, m, "m")
	lines := strings.Split(screen(m), "\n")
	if bar := lines[len(lines)-1]; strings.Count(bar, "mouse off") != 1 || !strings.Contains(bar, "m turns the mouse back on") {
		t.Errorf("status bar: %q", bar)
	}
}

// TestDemoSaysItsDatesAreSimulated: the demo's time-lapse dates run past
// today; the title says so.
func TestDemoSaysItsDatesAreSimulated(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Demo: true})
	start(t, m, 140, 40)
	if title := strings.Split(screen(m), "\n")[0]; !strings.Contains(title, "DEMO  simulated dates") {
		t.Errorf("title: %q", title)
	}
}

// TestLongNoticeKeepsItsReason: a failed export says why before where, so
// that a cut status bar keeps the reason.
func TestLongNoticeKeepsItsReason(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{ExportDir: "/nonexistent/dir/with/a/rather/long/path/that/fills/the/bar"})
	start(t, m, 80, 24)
	press(t, m, "e")
	lines := strings.Split(screen(m), "\n")
	if bar := lines[len(lines)-1]; !strings.Contains(bar, "export failed: no such file or directory") {
		t.Errorf("status bar: %q", bar)
	}
}
