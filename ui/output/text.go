package output

// This file keeps untrusted text safe and measures it in terminal cells.

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client/safe"
)

// SafeText makes an untrusted string (a segment name, an API message) safe
// to print on a terminal; see safe.Text, which the client and the
// configuration share.
func SafeText(s string) string { return safe.Text(s) }

// Truncate shortens s to at most width cells, ending with "…" when cut
// (one "…", even where the cut falls just after one of s's own).
// Wide characters count as two cells.
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if safe.Plain(s) { // the common case, without grapheme segmentation (and no "…")
		if len(s) <= width {
			return s
		}
		return s[:width-1] + "…"
	}
	cut := ansi.Truncate(s, width, "…")
	if cut != s && strings.HasSuffix(cut, "……") {
		return strings.TrimSuffix(cut, "…")
	}
	return cut
}

// Width is the number of terminal cells s takes.
func Width(s string) int {
	if safe.Plain(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// PadRight pads s with spaces to width cells (truncating if longer).
func PadRight(s string, width int) string {
	s = Truncate(s, width)
	if w := Width(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// PadLeft right-aligns s in width cells (truncating if longer).
func PadLeft(s string, width int) string {
	s = Truncate(s, width)
	if w := Width(s); w < width {
		s = strings.Repeat(" ", width-w) + s
	}
	return s
}

// Wrap breaks plain text into lines of at most width cells (at least 10),
// at spaces only: a word that fits a line, a date or a hyphenated name,
// is never split; a word longer than a line is cut with "…". For
// headlines and warnings above a table.
func Wrap(s string, width int) []string { return wrap(s, width, true) }

// WrapAll is Wrap losing nothing: a word longer than a line is broken
// across lines, as a path or a URL in an error message must be.
func WrapAll(s string, width int) []string { return wrap(s, width, false) }

// nonBreakingHyphen stands in for "-" while text is wrapped, as
// ansi.Wrap and ansi.Wordwrap break after every hyphen.
const nonBreakingHyphen = "\u2011"

// wrap is Wrap (cut) or WrapAll.
func wrap(s string, width int, cut bool) []string {
	width = max(width, 10)
	words := strings.Fields(s)
	if cut {
		for i, w := range words {
			words[i] = Truncate(w, width)
		}
	}
	text := strings.Join(words, " ")
	keep := !strings.Contains(text, nonBreakingHyphen) // else its own would turn into "-"
	if keep {
		text = strings.ReplaceAll(text, "-", nonBreakingHyphen)
	}
	if cut {
		text = ansi.Wordwrap(text, width, "")
	} else {
		text = ansi.Wrap(text, width, "")
	}
	if keep {
		text = strings.ReplaceAll(text, nonBreakingHyphen, "-")
	}
	return strings.Split(text, "\n")
}

// Plural is n with the word for n things: "1 segment", "2 segments",
// "10,000 segments".
func Plural(n int, one, many string) string {
	w := many
	if n == 1 {
		w = one
	}
	return Grouped(int64(n)) + " " + w
}
