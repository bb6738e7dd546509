package ui

import (
	"fmt"
	"regexp"
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

// TestDemoSaysItsDataIsADemo: the demo's segments and sizes are made up;
// the title says so, and how to see one's own.
func TestDemoSaysItsDataIsADemo(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Demo: true})
	start(t, m, 140, 40)
	if title := strings.Split(screen(m), "\n")[0]; !strings.Contains(title, "DEMO  demo data · set BRAZE_API_KEY") {
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

// TestTagPickerWithCounts: T lists the tags with their segment counts;
// typing narrows them, ↓ moves, enter puts tag:NAME in the filter (keeping
// its words), esc closes without a change.
func TestTagPickerWithCounts(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	want := map[string]int{}
	for _, s := range m.list.All() {
		seen := map[string]bool{}
		for _, tag := range s.Tags {
			if tg := strings.ToLower(tag); !seen[tg] {
				seen[tg] = true
				want[tg]++
			}
		}
	}
	press(t, m, "/", "a", "enter", "T")
	s := screen(m)
	mustContain(t, s, "tag: ", "SEGMENTS", "enter pick · esc close · ↑↓ move")
	if n := want["vip"]; n == 0 || !regexp.MustCompile(`vip\s+`+fmt.Sprint(n)+`\b`).MatchString(s) {
		t.Fatalf("vip's count %d not shown:\n%s", n, s)
	}
	press(t, m, "e", "m") // "em": email, … ; q would be typed too
	press(t, m, "q")
	if !m.filter.Tags().Active() {
		t.Fatal("q closed the tag picker")
	}
	press(t, m, "backspace", "enter")
	if got := m.list.Filter(); got != "a tag:email" {
		t.Errorf("picked filter %q, want \"a tag:email\"", got)
	}
	press(t, m, "T", "esc")
	if m.filter.Tags().Active() || m.list.Filter() != "a tag:email" {
		t.Errorf("esc: open %v, filter %q", m.filter.Tags().Active(), m.list.Filter())
	}
}

// TestWindowBackToNow: t returns a shifted window's end to now.
func TestWindowBackToNow(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	press(t, m, "1", "[", "[")
	mustContain(t, screen(m), "7 days to 2026-11-01")
	press(t, m, "t")
	mustContain(t, screen(m), "7 days to now")
	press(t, m, "t")
	mustContain(t, screen(m), "the window already ends now")
}

// TestFooterShowsTheModesKeys: the bar's right end says what keys do in
// the current mode; focus on one of a selection says it is one of them.
func TestFooterShowsTheModesKeys(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	bar := func() string { l := strings.Split(screen(m), "\n"); return l[len(l)-1] }
	if !strings.HasSuffix(bar(), "? help  q quit ") {
		t.Errorf("dashboard: %q", bar())
	}
	press(t, m, "/")
	if !strings.Contains(bar(), "enter apply · esc clear · ↑↓ move") {
		t.Errorf("filter prompt: %q", bar())
	}
	press(t, m, "esc", "space", "down", "space", "down", "space", "enter")
	if b := bar(); !strings.Contains(b, "esc back to the comparison") || !strings.Contains(b, "3 selected, one in focus") {
		t.Errorf("focus mode: %q", b)
	}
	press(t, m, "esc")
	if b := bar(); strings.Contains(b, "esc back") || !strings.Contains(b, "3 selected ·") {
		t.Errorf("back to the comparison: %q", b)
	}
}
