package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/segdash/segdash/client/brazetest"

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
			golden.RequireEqual(t, apiLeft(single+"\n\n=== compare ===\n\n"+screen(m)))
		})
	}
}

// apiLeftField is the status bar's rate-limit budget, which tells how many
// requests the parallel fetches had answered when the last header was read.
var apiLeftField = regexp.MustCompile(`API [0-9.,]+k?/h left +`)

// apiLeft takes the rate-limit budget's digits (and the padding after
// them) out of a golden view: its place stays pinned.
func apiLeft(s string) string { return apiLeftField.ReplaceAllString(s, "API ###/h left … ") }

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
		"tags":    {"T", "e"},
		"sorted":  {"s", "s", "o"},
		"naming":  {"space", "W"},
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

// TestGoldenColour pins the coloured dashboard in the dark and the light
// theme (escape sequences kept), as crush does: a style that stops reading
// on one background shows up as a diff.
func TestGoldenColour(t *testing.T) {
	for _, theme := range []string{"dark", "light"} {
		t.Run(theme, func(t *testing.T) {
			e := newTestEnv(t, 300)
			m := e.newTestModel(Options{Demo: true, Theme: theme})
			start(t, m, 80, 24)
			press(t, m, "down", "space", "down", "space")
			golden.RequireEqual(t, m.render())
		})
	}
}

// TestGoldenStates pins the screens around the list: a short list (a
// filter with few matches), a listing still loading and a failed listing,
// at two sizes.
func TestGoldenStates(t *testing.T) {
	states := map[string]func(t *testing.T, e *testEnv, m *Model, w, h int){
		"short": func(t *testing.T, e *testEnv, m *Model, w, h int) {
			start(t, m, w, h)
			press(t, m, "/", "v", "i", "p", "enter")
		},
		"loading": func(t *testing.T, e *testEnv, m *Model, w, h int) {
			m.Update(windowSize(w, h))
			m.Init() // the listing starts; nothing has come back
			m.Update(segmentsProgressMsg{gen: m.cat.gen, n: 200})
		},
		"failed": func(t *testing.T, e *testEnv, m *Model, w, h int) {
			e.api.SetFault(brazetest.Fault{Status: 500, Message: "upstream hiccup"})
			start(t, m, w, h)
		},
	}
	for name, setup := range states {
		for _, size := range [][2]int{{140, 40}, {80, 24}} {
			t.Run(fmt.Sprintf("%s-%dx%d", name, size[0], size[1]), func(t *testing.T) {
				e := newTestEnv(t, 300)
				m := e.newTestModel(Options{Demo: true})
				setup(t, e, m, size[0], size[1])
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

// TestChartPaneKeepsItsColumn: with fewer list rows than screen lines, the
// chart pane stays right of the list on every line (it used to slide to
// column 0 below the last row).
func TestChartPaneKeepsItsColumn(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	press(t, m, "/", "v", "i", "p", "enter")
	if m.list.Visible() >= m.list.Page() {
		t.Fatalf("setup: %d rows fill the pane", m.list.Visible())
	}
	l := m.layoutFor()
	lines := strings.Split(screen(m), "\n")
	for y := l.listY; y < l.listY+l.listH; y++ {
		if sep := ansi.Cut(lines[y], l.listW, l.listW+1); sep != "│" {
			t.Fatalf("line %d: %q at column %d, want the separator:\n%s", y, sep, l.listW, strings.Join(lines, "\n"))
		}
	}
}
