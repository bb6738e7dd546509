package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/segdash/segdash/ui/output"
)

// TestGoldenViews pins the rendered dashboard (ANSI stripped, fixed clock,
// fixed data) at three sizes, with one segment and with a comparison.
// Update with: go test ./ui -run TestGoldenViews -update
func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			e := newTestEnv(t, 300)
			m := e.newTestModel(Options{Demo: true})
			start(t, m, size[0], size[1])
			press(t, m, "down")
			single := screen(m)
			press(t, m, "space", "down", "down", "space")
			golden.RequireEqual(t, single+"\n\n=== compare ===\n\n"+screen(m))
		})
	}
}

// TestNoLineWiderThanTerminal renders every screen at sizes from below the
// minimum up and checks each line's width and the line count.
func TestNoLineWiderThanTerminal(t *testing.T) {
	e := newTestEnv(t, 300)
	states := map[string][]string{
		"list":    nil,
		"compare": {"space", "down", "space", "down", "space"},
		"indexed": {"space", "down", "space", "n"},
		"details": {"d"},
		"help":    {"?"},
		"filter":  {"/", "c", "h"},
		"nomatch": {"/", "z", "z", "z", "q", "enter"},
		"escapes": {"/", "i", "m", "p", "o", "r", "t", "e", "d", "enter"},
	}
	for name, keys := range states {
		m := e.newTestModel(Options{})
		start(t, m, 120, 40)
		press(t, m, keys...)
		for w := 20; w <= 220; w += 7 {
			for h := 5; h <= 70; h += 5 {
				_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				settle(t, m, cmd)
				lines := strings.Split(m.render(), "\n")
				if len(lines) > h {
					t.Fatalf("%s at %dx%d: %d lines", name, w, h, len(lines))
				}
				for i, l := range lines {
					if cw := output.Width(l); cw > w {
						t.Fatalf("%s at %dx%d: line %d is %d cells: %q", name, w, h, i, cw, l)
					}
					if strings.ContainsAny(l, "\a") || strings.Contains(l, "\x1b]") {
						t.Fatalf("%s: a raw control sequence from a name reached the screen: %q", name, l)
					}
				}
				if w < MinWidth || h < MinHeight {
					if !strings.Contains(m.render(), "terminal too small") && h >= 3 {
						t.Fatalf("%s at %dx%d: no too-small notice", name, w, h)
					}
				}
			}
		}
	}
}
