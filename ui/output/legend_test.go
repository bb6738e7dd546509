package output

import (
	"strings"
	"testing"
)

func TestCompareWithoutColour(t *testing.T) {
	lines := []Line{
		{Name: "VIP", Points: series(day0, 10, 30, 20, 40)},
		{Name: "Active Users - 30 days", Points: series(day0, 40, 20, 30, 10)},
		{Name: "Lapsed", Points: series(day0, 25, 25, 26, 25)},
	}
	out := Chart(lines, ChartOptions{Width: 70, Height: 16, Normalise: true})
	glyphs := []string{"─", "━", "═"}
	for i, want := range []string{"── VIP", "━━ Active Users - 30 days", "══ Lapsed"} {
		if strings.Count(out, want) != 1 {
			t.Errorf("legend item %d %q not there once:\n%s", i, want, out)
		}
		if glyph := glyphs[i]; strings.Count(out, glyph) < 3 {
			t.Errorf("series %d is not drawn with %q:\n%s", i, glyph, out)
		}
	}
	if strings.Contains(out, "■") || strings.Contains(out, "\x1b") {
		t.Errorf("colour marks without colour:\n%s", out)
	}
	bare := Chart(lines, ChartOptions{Width: 70, Height: 16, NoLegend: true})
	if strings.Contains(bare, "VIP") {
		t.Errorf("NoLegend still names the series:\n%s", bare)
	}
	if m := LegendMarker(1, 0, false); m != "━━" {
		t.Errorf("mono marker %q", m)
	}
}
