package common

import (
	"fmt"
	"strings"
	"time"

	"github.com/guptarohit/asciigraph"

	"github.com/segdash/segdash/ui/output"
)

// SpreadGap is the fewest spaces Spread leaves between left and right,
// so that they read as two.
const SpreadGap = 2

// Spread puts left and right on one line of width cells, cutting left,
// with at least SpreadGap spaces between them.
func Spread(left, right string, width int) string {
	rw := output.Width(right)
	if rw+SpreadGap >= width {
		return output.Truncate(left, width)
	}
	left = output.Truncate(left, width-rw-SpreadGap)
	return left + strings.Repeat(" ", max(SpreadGap, width-output.Width(left)-rw)) + right
}

// Wrap breaks plain text into lines of at most width cells, at spaces
// where it can and inside a word where it must (output.WrapAll).
func Wrap(s string, width int) []string { return output.WrapAll(s, width) }

// Block pads or cuts lines to exactly h lines of exactly w cells, so that
// panes joined side by side stay in their columns.
func Block(lines []string, w, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	var b strings.Builder
	for i := range h {
		if i > 0 {
			b.WriteByte('\n')
		}
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		lw := output.Width(l)
		if lw > w {
			l = output.Truncate(l, w)
			lw = output.Width(l)
		}
		b.WriteString(l)
		b.WriteString(strings.Repeat(" ", max(0, w-lw)))
	}
	return b.String()
}

// JoinColumns joins blocks of h lines side by side, line by line. Each
// block must be a Block (lines of equal width); sep goes between them on
// every line.
func JoinColumns(h int, sep string, blocks ...string) string {
	cols := make([][]string, len(blocks))
	for i, b := range blocks {
		cols[i] = strings.SplitN(b, "\n", h)
	}
	var out strings.Builder
	for y := range h {
		if y > 0 {
			out.WriteByte('\n')
		}
		for i, c := range cols {
			if i > 0 {
				out.WriteString(sep)
			}
			if y < len(c) {
				out.WriteString(c[y])
			}
		}
	}
	return out.String()
}

// AgoStep is the step in which Ago's text changes under a minute: a label
// that changed every second cost a frame a second for a number nobody
// needs to the second (data change daily).
const AgoStep = 10 * time.Second

// Ago renders an age as the status bar shows it: "now", then in
// steps of AgoStep, minutes, hours. The live scheduler's age ticker wakes
// exactly when this text changes.
func Ago(d time.Duration) string {
	switch {
	case d < AgoStep:
		return "now"
	case d < time.Minute:
		return fmt.Sprintf("%ds ago", int(d/AgoStep)*int(AgoStep/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%dm ago", int(d.Minutes()))
	default:
		return fmt.Sprintf("%dh ago", int(d.Hours()))
	}
}

// ShortDuration renders 30s, 5m, 1h, or Go's form for anything else.
func ShortDuration(d time.Duration) string {
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d >= time.Minute && d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	case d < time.Minute && d%time.Second == 0:
		return fmt.Sprintf("%ds", d/time.Second)
	}
	return d.String()
}

// ChartColor is series colour i of a palette (cycling), or none.
func ChartColor(palette []asciigraph.AnsiColor, i int) asciigraph.AnsiColor {
	if len(palette) == 0 {
		return asciigraph.Default
	}
	return palette[i%len(palette)]
}
