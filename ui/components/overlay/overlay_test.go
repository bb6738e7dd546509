package overlay

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// fake is an overlay that closes on esc and passes "x" through.
type fake struct {
	open bool
	got  []string
}

func (f *fake) Active() bool { return f.open }

func (f *fake) Hint() string { return "" }

func (f *fake) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, _ := msg.(tea.KeyPressMsg)
	switch k.String() {
	case "esc":
		f.open = false
	case "x":
		return nil, false
	}
	f.got = append(f.got, k.String())
	return nil, true
}

func key(s string) tea.KeyPressMsg {
	if s == "esc" {
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

// TestTopGetsTheKeys: the overlay opened last gets the keys; when it
// closes, the one under it gets them again; a key it lets through is not
// handled; a closed stack handles nothing.
func TestTopGetsTheKeys(t *testing.T) {
	var s Stack
	under, top := &fake{open: true}, &fake{open: true}
	s.Push(under)
	s.Push(top)
	if _, ok := s.Update(key("a")); !ok || len(top.got) != 1 || len(under.got) != 0 {
		t.Fatalf("a went to top %v, under %v", top.got, under.got)
	}
	if _, ok := s.Update(key("x")); ok {
		t.Fatal("x, which the top lets through, was handled")
	}
	s.Update(key("esc"))
	if s.Top() != under {
		t.Fatal("the top closed but is still on top")
	}
	s.Update(key("b"))
	if len(under.got) != 1 {
		t.Fatalf("b did not reach the overlay under: %v", under.got)
	}
	if s.Covers(top, under) != under {
		t.Fatal("Covers names a closed overlay")
	}
	under.open = false // closed from outside
	if _, ok := s.Update(key("c")); ok || s.Top() != nil {
		t.Fatal("an empty stack handled a key")
	}
}

// TestPushMovesToTop: pushing an open overlay again puts it on top.
func TestPushMovesToTop(t *testing.T) {
	var s Stack
	a, b := &fake{open: true}, &fake{open: true}
	s.Push(a)
	s.Push(b)
	s.Push(a)
	if s.Top() != a || s.Covers(a, b) != a {
		t.Fatal("a pushed again is not on top")
	}
}
