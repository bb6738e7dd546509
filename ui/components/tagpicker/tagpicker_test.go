package tagpicker

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
)

// TestCountFoldsCaseAndOrdersByUse: a tag counts a segment once, whatever
// its case; the most used tags come first, then by name.
func TestCountFoldsCaseAndOrdersByUse(t *testing.T) {
	got := Count([]client.Segment{
		{Tags: []string{"VIP", "vip", "push"}},
		{Tags: []string{"vip", " email "}},
		{Tags: []string{"Push", ""}},
		{},
	})
	if s := fmt.Sprint(got); s != "[{push 2} {vip 2} {email 1}]" {
		t.Errorf("Count = %s", s)
	}
}

// TestTypingNarrowsArrowsMoveEnterPicks: letters narrow the tags (q too),
// ↓ moves, enter picks the tag under the cursor, and the view marks it.
func TestTypingNarrowsArrowsMoveEnterPicks(t *testing.T) {
	c := common.New(context.Background(), nil, nil, themes.NewStyles(themes.Mono(), true))
	m := New(c)
	m.SetSize(40, 6)
	m.Open([]Tag{{"retention", 9}, {"vip", 7}, {"marketing", 5}, {"onboarding", 4}, {"quiet", 1}}, "vip")
	if p, _ := m.Picked(); p.Name != "vip" {
		t.Fatalf("opened on %q, want the current tag", p.Name)
	}
	for _, k := range []tea.KeyPressMsg{{Code: 'i', Text: "i"}, {Code: 'n', Text: "n"}} {
		m.Update(k)
	}
	if view := ansi.Strip(m.View()); strings.Contains(view, "vip") || !strings.Contains(view, "› marketing") ||
		!strings.Contains(view, "onboarding") {
		t.Fatalf("after typing \"in\":\n%s", view)
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	if ev, _ := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); ev != Picked {
		t.Fatalf("enter: event %v", ev)
	}
	if p, _ := m.Picked(); p.Name != "onboarding" {
		t.Errorf("picked %q", p.Name)
	}
	m.Open([]Tag{{"quiet", 1}}, "")
	m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if !m.Active() || !strings.Contains(m.Prompt(), "q") {
		t.Errorf("q was not typed: %q", m.Prompt())
	}
}
