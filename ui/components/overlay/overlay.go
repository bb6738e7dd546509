// Package overlay is the stack of screens and prompts shown over the
// dashboard (help, details, the filter and name prompts, the tag picker,
// the scan): the one opened last is on top and gets the keys first, as
// crush's dialog stack does. The root no longer asks each one in turn
// whether it is open.
package overlay

import tea "charm.land/bubbletea/v2"

// Overlay is one screen or prompt over the dashboard. Its own state says
// whether it is open: the stack keeps only the order, and forgets an
// overlay that closed, however it closed.
type Overlay interface {
	// Active reports whether the overlay is open.
	Active() bool
	// Update handles a key, paste or mouse message given while the overlay
	// is on top; handled is false when the message is not its (a pane that
	// is not modal lets the dashboard's keys through).
	Update(msg tea.Msg) (cmd tea.Cmd, handled bool)
	// Hint is what the next key does here, for the footer ("": the
	// dashboard's own).
	Hint() string
}

// Stack is the overlays open, the newest last.
type Stack struct {
	items []Overlay
}

// Push puts o on top (moving it there if it is already open).
func (s *Stack) Push(o Overlay) {
	s.Remove(o)
	s.items = append(s.items, o)
}

// Remove takes o off the stack.
func (s *Stack) Remove(o Overlay) {
	out := s.items[:0]
	for _, it := range s.items {
		if it != o {
			out = append(out, it)
		}
	}
	s.items = out
}

// prune forgets the overlays that closed.
func (s *Stack) prune() {
	out := s.items[:0]
	for _, it := range s.items {
		if it.Active() {
			out = append(out, it)
		}
	}
	s.items = out
}

// Top is the open overlay on top, or nil.
func (s *Stack) Top() Overlay {
	s.prune()
	if len(s.items) == 0 {
		return nil
	}
	return s.items[len(s.items)-1]
}

// Update gives msg to the overlay on top; handled is false when none is
// open or it let the message through.
func (s *Stack) Update(msg tea.Msg) (tea.Cmd, bool) {
	top := s.Top()
	if top == nil {
		return nil, false
	}
	cmd, handled := top.Update(msg)
	s.prune()
	return cmd, handled
}

// Covers reports the open overlay, among candidates, that is highest on
// the stack: of several overlays drawn in the same place, that one shows.
func (s *Stack) Covers(candidates ...Overlay) Overlay {
	s.prune()
	for i := len(s.items) - 1; i >= 0; i-- {
		for _, c := range candidates {
			if s.items[i] == c {
				return c
			}
		}
	}
	return nil
}
