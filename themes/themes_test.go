package themes

import (
	"regexp"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"
)

func TestByName(t *testing.T) {
	for _, n := range Names() {
		if n == "auto" {
			continue
		}
		th, err := ByName(n)
		if err != nil || th.Name != n {
			t.Errorf("ByName(%q) = %v, %v", n, th.Name, err)
		}
		if !th.Mono && len(th.Series) < 5 {
			t.Errorf("%s has %d series colours; a 5-segment comparison needs 5", n, len(th.Series))
		}
	}
	_, err := ByName("solarized-neon")
	if err == nil || !strings.Contains(err.Error(), "dark, high-contrast, light, mono, ocean") {
		t.Errorf("unknown theme error does not list the valid ones: %v", err)
	}
	if ForBackground(false).Name != "light" || ForBackground(true).Name != "dark" {
		t.Error("ForBackground")
	}
}

func TestMonoHasNoColour(t *testing.T) {
	s := NewStyles(Mono(), true)
	for _, out := range []string{s.Text.Render("x"), s.Error.Render("x"), s.Cursor.Render("x"), s.Accent.Render("x"), s.StatusBar.Render("x")} {
		if strings.Contains(out, "38;") || strings.Contains(out, "48;") || strings.Contains(out, "[3") && !strings.Contains(out, "[7") && !strings.Contains(out, "[1") {
			t.Errorf("mono style emits a colour: %q", out)
		}
	}
	if ansi.Strip(s.Cursor.Render("row")) != "row" {
		t.Error("cursor style changes the text")
	}
}

func TestNilColoursFilledForBackground(t *testing.T) {
	partial := Theme{Name: "custom"}
	dark := NewStyles(partial, true).Text.Render("x")
	light := NewStyles(partial, false).Text.Render("x")
	if dark == light || !strings.Contains(dark, "\x1b[") {
		t.Errorf("nil colours not filled per background: %q vs %q", dark, light)
	}
}

// TestHighContrastUsesBasicColoursOnly renders every style of the
// high-contrast theme and refuses any 256-colour or true-colour code
// (38;5;N, 48;5;N, 38;2;…): the theme promises the 16 basic colours.
func TestHighContrastUsesBasicColoursOnly(t *testing.T) {
	sgr := regexp.MustCompile(`\x1b\[([0-9;]*)m`)
	for _, dark := range []bool{true, false} {
		s := NewStyles(HighContrast(), dark)
		for _, st := range []lipgloss.Style{s.Title, s.Text, s.Subtle, s.Accent, s.Error, s.Warning, s.Success,
			s.Cursor, s.Selected, s.Header, s.StatusBar, s.Demo} {
			out := st.Render("x")
			if !strings.Contains(out, "\x1b[") {
				t.Errorf("a style emits no colour at all: %q", out)
			}
			for _, m := range sgr.FindAllStringSubmatch(out, -1) {
				for p := range strings.SplitSeq(m[1], ";") {
					if p == "38" || p == "48" {
						t.Errorf("high-contrast emits an extended colour: %q", out)
					}
				}
			}
		}
		for _, c := range s.Theme.Series {
			if c > asciigraph.White {
				t.Errorf("chart colour %d is not one of the 16 basic colours", c)
			}
		}
	}
}
