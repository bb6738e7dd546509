package filter

import (
	"context"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/segmentlist"
)

// newFilter is a filter over 9 segments tagged vip, push and email in
// turn; fetched counts the calls of its changed hook.
func newFilter(t *testing.T) (*Model, *segmentlist.Model, *int) {
	t.Helper()
	c := common.New(context.Background(), nil, nil, themes.NewStyles(themes.Mono(), true))
	c.SetSize(80, 20)
	list := segmentlist.New(c)
	var segs []client.Segment
	for i := range 9 {
		segs = append(segs, client.Segment{ID: fmt.Sprintf("id%d", i), Name: fmt.Sprintf("Segment %d", i),
			Tags: []string{[]string{"vip", "push", "email"}[i%3]}})
	}
	list.SetSegments(segs)
	list.SetSize(60, 10)
	fetched := 0
	m := New(c, list, func() tea.Cmd { fetched++; return nil })
	m.SetSize(80, 1)
	m.Tags().SetSize(60, 10)
	return m, list, &fetched
}

func typeIn(m interface {
	Update(tea.Msg) (tea.Cmd, bool)
}, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// TestListFollowsTheTyping: every key typed filters the list and fetches
// what came on screen; the arrows move the list's cursor while the prompt
// stays open; esc empties the filter and closes the prompt.
func TestListFollowsTheTyping(t *testing.T) {
	m, list, fetched := newFilter(t)
	m.Open()
	typeIn(m, "8")
	if list.Filter() != "8" || list.Visible() != 1 || *fetched != 1 {
		t.Fatalf("after 8: filter %q, %d rows, %d fetches", list.Filter(), list.Visible(), *fetched)
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	before := list.CursorIndex()
	if _, ok := m.Update(tea.KeyPressMsg{Code: tea.KeyUp}); !ok || list.CursorIndex() != before-1 || !m.Active() {
		t.Fatalf("↑ in the prompt: cursor %d (was %d), open %v", list.CursorIndex(), before, m.Active())
	}
	if _, ok := m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown}); ok {
		t.Fatal("the prompt took the mouse, which is the list's")
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	if m.Active() || list.Filter() != "" {
		t.Fatalf("esc: open %v, filter %q", m.Active(), list.Filter())
	}
}

// TestPickedTagReplacesTheTagTerm: the tag picked replaces the filter's
// tag:NAME term and keeps its other words.
func TestPickedTagReplacesTheTagTerm(t *testing.T) {
	m, list, _ := newFilter(t)
	m.Open()
	typeIn(m, "segment tag:vip")
	m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	tags := m.Tags()
	tags.Open(func(string) tea.Cmd { t.Fatal("the segments have tags"); return nil })
	if !tags.Active() {
		t.Fatal("the picker did not open")
	}
	typeIn(tags, "push")
	tags.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if tags.Active() || list.Filter() != "segment tag:push" || list.Visible() != 3 {
		t.Fatalf("picked push: open %v, filter %q, %d rows", tags.Active(), list.Filter(), list.Visible())
	}
}
