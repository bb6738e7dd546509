package themes

import (
	"image/color"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Styles are every style the dashboard draws with, built once per session.
type Styles struct {
	Theme Theme

	Title     lipgloss.Style
	Text      lipgloss.Style
	Subtle    lipgloss.Style
	Accent    lipgloss.Style
	Error     lipgloss.Style
	Warning   lipgloss.Style
	Success   lipgloss.Style
	Cursor    lipgloss.Style // the row under the cursor
	Selected  lipgloss.Style // the mark of a selected row
	Header    lipgloss.Style // column headers
	StatusBar lipgloss.Style
	Demo      lipgloss.Style
}

// NewStyles builds the styles of theme t. isDark is the terminal's
// background as detected: a colour the theme leaves nil falls back to a
// default that reads on that background.
func NewStyles(t Theme, isDark bool) *Styles {
	if !t.Mono {
		t = t.filled(isDark)
	}
	s := &Styles{Theme: t}
	base := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style {
		if t.Mono {
			return base
		}
		return base.Foreground(c)
	}
	s.Text = fg(t.Text)
	s.Subtle = fg(t.Subtle)
	if t.Mono {
		s.Subtle = base.Faint(true)
	}
	s.Accent = fg(t.Accent).Bold(true)
	s.Title = s.Accent
	s.Error = fg(t.Error).Bold(true)
	s.Warning = fg(t.Warning)
	s.Success = fg(t.Success)
	s.Header = s.Subtle.Bold(true)
	s.Selected = fg(t.Accent).Bold(true)
	if t.Mono {
		s.Cursor = base.Reverse(true)
		s.StatusBar = base.Reverse(true)
		s.Demo = base.Reverse(true).Bold(true)
	} else {
		s.Cursor = base.Background(t.Selection).Foreground(t.Text)
		s.StatusBar = base.Background(t.Selection).Foreground(t.Text)
		// Basic black: it reads on every warning colour and is one of the
		// 16 colours the high-contrast theme is limited to.
		s.Demo = base.Background(t.Warning).Foreground(ansi.Black).Bold(true)
	}
	return s
}

// filled returns t with every nil colour set to a default for the background.
func (t Theme) filled(isDark bool) Theme {
	ld := lipgloss.LightDark(isDark)
	def := func(c *color.Color, light, dark string) {
		if *c == nil {
			*c = ld(lipgloss.Color(light), lipgloss.Color(dark))
		}
	}
	def(&t.Text, "#1F2937", "#E4E4E7")
	def(&t.Subtle, "#6B7280", "#8B8B96")
	def(&t.Accent, "#0369A1", "#7DD3FC")
	def(&t.Selection, "#DBEAFE", "#2E3A4F")
	def(&t.Error, "#B91C1C", "#F87171")
	def(&t.Warning, "#B45309", "#FBBF24")
	def(&t.Success, "#15803D", "#4ADE80")
	return t
}
