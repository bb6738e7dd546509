package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// benchModel is a dashboard over 10,000 segments at 200×50 comparing five
// in a window of length days (0: the default 30).
func benchModel(b *testing.B, length int) *Model {
	e := newTestEnv(b, 10000)
	m := e.newTestModel(Options{Length: length})
	start(b, m, 200, 50)
	press(b, m, "space", "down", "space", "down", "space", "down", "space", "down", "space")
	if len(m.list.Selected()) != 5 || m.list.Len() < 9000 {
		b.Fatalf("setup: %d selected of %d", len(m.list.Selected()), m.list.Len())
	}
	return m
}

// BenchmarkFrame renders one full frame (target ≤ 2 ms): five compared
// over 30 days, and over 365 days with the day cursor shown.
func BenchmarkFrame(b *testing.B) {
	for _, c := range []struct {
		name   string
		length int
		keys   []string
	}{{"30d", 0, nil}, {"365d-cursor", 365, []string{"h", "h"}}} {
		b.Run(c.name, func(b *testing.B) {
			m := benchModel(b, c.length)
			m.View()
			press(b, m, c.keys...)
			if c.keys != nil && !m.chart.CursorShown() {
				b.Fatal("setup: no day cursor")
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m.frame.valid = false // draw it: View keeps an unchanged frame
				if m.View().Content == "" {
					b.Fatal("empty frame")
				}
			}
		})
	}
}

// BenchmarkFilterKeystroke types one character into the filter over 10,000
// names and deletes it again: two keystrokes an iteration, each filtering
// the whole list (target ≤ 5 ms a keystroke).
func BenchmarkFilterKeystroke(b *testing.B) {
	m := benchModel(b, 0)
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

// BenchmarkIdleFrame is a View while nothing changed: the kept frame.
func BenchmarkIdleFrame(b *testing.B) {
	m := benchModel(b, 0)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if m.View().Content == "" {
			b.Fatal("empty frame")
		}
	}
}
