package ui

import "github.com/guptarohit/asciigraph"

// chartColor is series colour i of a palette (cycling), or none.
func chartColor(palette []asciigraph.AnsiColor, i int) asciigraph.AnsiColor {
	if len(palette) == 0 {
		return asciigraph.Default
	}
	return palette[i%len(palette)]
}
