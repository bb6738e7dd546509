package common

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Paint is a style reduced to the escape sequences around its text. A list
// colours hundreds of short cells a frame; lipgloss's Render does layout
// work (lines, widths, borders) for each, which a one-line cell in a style
// of colours and attributes only does not need.
type Paint struct {
	pre, post, empty string
}

// NewPaint captures s, which must set only colours and text attributes
// (no width, padding, margin or border).
func NewPaint(s lipgloss.Style) Paint {
	r := s.Render("x")
	i := strings.Index(r, "x")
	return Paint{pre: r[:i], post: r[i+1:], empty: s.Render("")}
}

// Render is s.Render(text) for one line of text.
func (p Paint) Render(text string) string {
	if text == "" {
		return p.empty
	}
	return p.pre + text + p.post
}
