// Package output renders segment data as text for the CLI and the dashboard
// alike: compact and grouped numbers, changes, sparklines, asciigraph charts
// and CSV, with the helpers that keep untrusted names safe on a terminal.
package output

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// HumanCount formats n compactly: 950, 12.3k, 4.5M, 1.2B.
func HumanCount(n int64) string {
	neg := n < 0
	f := math.Abs(float64(n))
	var s string
	switch {
	case f < 1000:
		s = strconv.FormatInt(int64(f), 10)
	case f < 999_950:
		s = trimZero(fmt.Sprintf("%.1f", f/1e3)) + "k"
	case f < 999_950_000:
		s = trimZero(fmt.Sprintf("%.1f", f/1e6)) + "M"
	default:
		s = trimZero(fmt.Sprintf("%.1f", f/1e9)) + "B"
	}
	if neg {
		return "-" + s
	}
	return s
}

// HumanFloat formats a (possibly fractional) axis value like HumanCount.
func HumanFloat(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	if math.Abs(v) < 10 && v != math.Trunc(v) {
		return trimZero(fmt.Sprintf("%.1f", v))
	}
	return HumanCount(int64(math.Round(v)))
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// Grouped formats n with thousands separators: 1,234,567.
func Grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Change describes the move from a to b: absolute, and percent when a != 0.
type Change struct {
	Abs    int64
	Pct    float64
	HasPct bool
}

// ChangeOf computes the change from first to last.
func ChangeOf(first, last int64) Change {
	c := Change{Abs: last - first}
	if first != 0 {
		c.Pct = float64(last-first) / float64(first) * 100
		c.HasPct = true
	}
	return c
}

// String renders "+1.2k (+3.4%)", or "+1.2k" without a base.
func (c Change) String() string {
	s := HumanCount(c.Abs)
	if c.Abs >= 0 {
		s = "+" + s
	}
	if c.HasPct {
		s += " (" + c.PctString() + ")"
	}
	return s
}

// PctString renders the percent alone, "+3.4%", or "n/a" without a base.
func (c Change) PctString() string {
	if !c.HasPct {
		return "n/a"
	}
	return fmt.Sprintf("%+.1f%%", c.Pct)
}

var sparkRunes = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws values in at most width cells (the newest kept when there
// are more values than cells). A flat series is drawn on the lowest level.
func Sparkline(values []int64, width int) string {
	if width <= 0 || len(values) == 0 {
		return ""
	}
	if len(values) > width {
		values = values[len(values)-width:]
	}
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	var b strings.Builder
	for _, v := range values {
		i := 0
		if hi > lo {
			i = int(float64(v-lo) / float64(hi-lo) * float64(len(sparkRunes)-1))
		}
		b.WriteRune(sparkRunes[i])
	}
	return b.String()
}

// SafeText makes an untrusted string (a segment name, an API message) safe
// to print on a terminal: escape sequences are removed, other control
// characters (C0, DEL, C1) and invalid UTF-8 become "�", and line breaks and
// tabs become spaces. Printable text, wide characters included, is kept.
func SafeText(s string) string {
	if isPlain(s) {
		return s
	}
	s = ansi.Strip(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune('�')
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == 0x2028 || r == 0x2029:
			b.WriteRune('�')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII only: one cell a byte.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// Truncate shortens s to at most width cells, ending with "…" when cut.
// Wide characters count as two cells.
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if isPlain(s) { // the common case, without grapheme segmentation
		if len(s) <= width {
			return s
		}
		return s[:width-1] + "…"
	}
	return ansi.Truncate(s, width, "…")
}

// Width is the number of terminal cells s takes.
func Width(s string) int {
	if isPlain(s) {
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
// at spaces; a word longer than a line is cut with "…".
func Wrap(s string, width int) []string {
	width = max(width, 10)
	var out []string
	cur := ""
	for _, word := range strings.Fields(s) {
		word = Truncate(word, width)
		if cur != "" && Width(cur)+1+Width(word) > width {
			out = append(out, cur)
			cur = ""
		}
		if cur == "" {
			cur = word
		} else {
			cur += " " + word
		}
	}
	if cur != "" || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}
