package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// benchModel is a dashboard over 10,000 segments at 200×50 comparing five.
func benchModel(b *testing.B) *Model {
	e := newTestEnv(b, 10000)
	m := e.newTestModel(Options{})
	start(b, m, 200, 50)
	press(b, m, "space", "down", "space", "down", "space", "down", "space", "down", "space")
	if len(m.list.Selected()) != 5 || m.list.Len() < 9000 {
		b.Fatalf("setup: %d selected of %d", len(m.list.Selected()), m.list.Len())
	}
	return m
}

// BenchmarkFrame composes one full frame (target ≤ 2 ms). The root keeps
// its last frame while nothing visible changes, so each iteration drops it
// first: this measures drawing, not the cache.
func BenchmarkFrame(b *testing.B) {
	m := benchModel(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.frame.valid = false
		if m.View().Content == "" {
			b.Fatal("empty frame")
		}
	}
}

// BenchmarkIdleFrame is a View while nothing changed: the kept frame.
func BenchmarkIdleFrame(b *testing.B) {
	m := benchModel(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if m.View().Content == "" {
			b.Fatal("empty frame")
		}
	}
}

// BenchmarkFilterKeystroke types one character into the filter over 10,000
// names and deletes it again: two keystrokes an iteration, each filtering
// the whole list (target ≤ 5 ms a keystroke).
func BenchmarkFilterKeystroke(b *testing.B) {
	m := benchModel(b)
	press(b, m, "/", "u", "s")
	add := tea.KeyPressMsg{Code: 'e', Text: "e"}
	del := tea.KeyPressMsg{Code: tea.KeyBackspace}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(add)
		m.Update(del)
	}
	b.StopTimer()
	if m.list.Filter() != "us" {
		b.Fatalf("filter %q", m.list.Filter())
	}
}
