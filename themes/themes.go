// Package themes defines segdash's colour themes: each a semantic palette
// (what a colour means, not which colour it is), with the chart's series
// colours as asciigraph colours. Styles are built once per session from a
// theme by NewStyles.
package themes

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"
)

// Theme is a semantic palette. A nil colour means "the terminal's own".
type Theme struct {
	Name      string
	Text      color.Color
	Subtle    color.Color
	Accent    color.Color
	Selection color.Color // background of the cursor row
	Error     color.Color
	Warning   color.Color
	Success   color.Color
	// Series are the chart's line colours, in order.
	Series []asciigraph.AnsiColor
	// Axis colours the chart's axes and labels (asciigraph.Default: none).
	Axis asciigraph.AnsiColor
	// Mono themes use no colour at all, only bold, underline and reverse.
	Mono bool
}

// Dark is the default theme, for dark backgrounds.
func Dark() Theme {
	return Theme{Name: "dark",
		Text: lipgloss.Color("#E4E4E7"), Subtle: lipgloss.Color("#8B8B96"), Accent: lipgloss.Color("#7DD3FC"),
		Selection: lipgloss.Color("#2E3A4F"), Error: lipgloss.Color("#F87171"),
		Warning: lipgloss.Color("#FBBF24"), Success: lipgloss.Color("#4ADE80"),
		Series: []asciigraph.AnsiColor{asciigraph.DeepSkyBlue, asciigraph.Orange, asciigraph.LimeGreen,
			asciigraph.HotPink, asciigraph.Gold, asciigraph.MediumPurple},
		Axis: asciigraph.Gray}
}

// Light is made for light backgrounds: dark text, saturated darker accents.
func Light() Theme {
	return Theme{Name: "light",
		Text: lipgloss.Color("#1F2937"), Subtle: lipgloss.Color("#6B7280"), Accent: lipgloss.Color("#0369A1"),
		Selection: lipgloss.Color("#DBEAFE"), Error: lipgloss.Color("#B91C1C"),
		Warning: lipgloss.Color("#B45309"), Success: lipgloss.Color("#15803D"),
		Series: []asciigraph.AnsiColor{asciigraph.Blue, asciigraph.DarkOrange, asciigraph.Green,
			asciigraph.DeepPink, asciigraph.DarkGoldenrod, asciigraph.Purple},
		Axis: asciigraph.DimGray}
}

// Ocean is a calm dark theme in blues and teals.
func Ocean() Theme {
	return Theme{Name: "ocean",
		Text: lipgloss.Color("#D8DEE9"), Subtle: lipgloss.Color("#7B88A1"), Accent: lipgloss.Color("#88C0D0"),
		Selection: lipgloss.Color("#3B4252"), Error: lipgloss.Color("#BF616A"),
		Warning: lipgloss.Color("#EBCB8B"), Success: lipgloss.Color("#A3BE8C"),
		Series: []asciigraph.AnsiColor{asciigraph.SkyBlue, asciigraph.Aquamarine, asciigraph.Khaki,
			asciigraph.Plum, asciigraph.LightCoral, asciigraph.PaleGreen},
		Axis: asciigraph.SlateGray}
}

// HighContrast uses the 16 basic ANSI colours only, so it reads well on
// any terminal and over any SSH colour profile.
func HighContrast() Theme {
	return Theme{Name: "high-contrast",
		// ansi.BasicColor renders as SGR 30–37/90–97 (and 40–47 behind);
		// lipgloss.ANSIColor is an indexed colour and renders as 38;5;N.
		Text: ansi.BasicColor(15), Subtle: ansi.BasicColor(7), Accent: ansi.BasicColor(14),
		Selection: ansi.BasicColor(4), Error: ansi.BasicColor(9),
		Warning: ansi.BasicColor(11), Success: ansi.BasicColor(10),
		Series: []asciigraph.AnsiColor{asciigraph.Aqua, asciigraph.Yellow, asciigraph.Lime, asciigraph.Fuchsia,
			asciigraph.Red, asciigraph.White}}
}

// Mono has no colour: selection is reversed, emphasis bold. NO_COLOR picks it.
func Mono() Theme { return Theme{Name: "mono", Mono: true} }

// builtins are the named themes; a function, so that no caller can change
// the table another session reads.
func builtins() map[string]func() Theme {
	return map[string]func() Theme{
		"dark": Dark, "light": Light, "ocean": Ocean, "high-contrast": HighContrast, "mono": Mono,
	}
}

// Names lists the theme names ByName accepts, "auto" included.
func Names() []string {
	names := []string{"auto"}
	for n := range builtins() {
		names = append(names, n)
	}
	slices.Sort(names[1:])
	return names
}

// ByName returns a built-in theme. "auto" is not a theme: the caller picks
// Dark or Light from the terminal background (see ForBackground).
func ByName(name string) (Theme, error) {
	if f, ok := builtins()[strings.ToLower(strings.TrimSpace(name))]; ok {
		return f(), nil
	}
	return Theme{}, fmt.Errorf("unknown theme %q; valid themes: %s", name, strings.Join(Names(), ", "))
}

// ForBackground is the automatic choice: Dark on dark backgrounds, Light on
// light ones.
func ForBackground(isDark bool) Theme {
	if isDark {
		return Dark()
	}
	return Light()
}
