package output

// This file tells series apart on a compare chart: by colour where there
// is colour, and by the glyphs of the line itself where there is none
// (mono theme, NO_COLOR, a pipe), with one legend that names them all.

import (
	"strings"

	"github.com/guptarohit/asciigraph"
)

// seriesGlyphs are the line styles of series without colour: light
// rounded, heavy and double box lines, then dotted marks. Each entry is
// horizontal, vertical, the four corners (╭ ╮ ╰ ╯ order) and the caps.
func seriesGlyphs(i int) asciigraph.CharSet {
	switch i % 7 {
	case 0:
		return asciigraph.DefaultCharSet
	case 1:
		return charSet("━", "┃", "┏", "┓", "┗", "┛", "╸", "╺")
	case 2:
		return charSet("═", "║", "╔", "╗", "╚", "╝", "═", "═")
	}
	return asciigraph.CreateCharSet([]string{"•", "×", "+", "◦"}[i%7-3])
}

func charSet(h, v, dr, dl, ur, ul, end, start string) asciigraph.CharSet {
	cs := asciigraph.DefaultCharSet
	cs.Horizontal, cs.VerticalLine = h, v
	cs.ArcDownRight, cs.ArcDownLeft, cs.ArcUpRight, cs.ArcUpLeft = dr, dl, ur, ul
	cs.EndCap, cs.StartCap = end, start
	return cs
}

// LegendMarker is the mark that names series i of a compare chart in a
// legend: a coloured "■" with colour, else a sample of the series' own
// line ("──", "━━", "══", "••", ...), as Chart draws it without colour.
func LegendMarker(i int, color asciigraph.AnsiColor, colored bool) string {
	if colored {
		return color.String() + "■" + asciigraph.Default.String()
	}
	return strings.Repeat(seriesGlyphs(i).Horizontal, 2)
}

// legendLine names each series after its marker on one line of at most
// width cells; when the names do not fit, the longest are shortened first.
func legendLine(names []string, colors []asciigraph.AnsiColor, colored bool, width int) string {
	const gap = "   "
	markW := 2
	if colored {
		markW = 1
	}
	widths := make([]int, len(names))
	total := (len(names) - 1) * len(gap)
	for i, n := range names {
		widths[i] = Width(n)
		total += markW + 1 + widths[i]
	}
	for total > width {
		longest := 0
		for i, w := range widths {
			if w > widths[longest] {
				longest = i
			}
		}
		if widths[longest] <= 4 {
			break // the box truncates what is left
		}
		widths[longest]--
		total--
	}
	items := make([]string, len(names))
	for i, n := range names {
		items[i] = LegendMarker(i, colors[i], colored) + " " + Truncate(n, widths[i])
	}
	return strings.Join(items, gap)
}
