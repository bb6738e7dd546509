package client

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxMessage is the most characters of a server's text (an error body's
// message, its minor errors, a warning) that an error or warning carries:
// enough for any real Braze message, short enough for one line of a
// terminal, a log or a dashboard notice however much a server sends.
const MaxMessage = 300

// oneLine makes a server's text fit one line: every run of white space,
// control characters (line breaks, escapes) and the invisible characters
// that reorder text becomes one space, invalid UTF-8 becomes U+FFFD, and
// the result is cut to max characters, the last being "…" when cut.
func oneLine(s string, max int) string {
	var b strings.Builder
	n, space := 0, false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			space = true
			continue
		}
		if space && n > 0 {
			b.WriteByte(' ')
			n++
		}
		space = false
		b.WriteRune(r)
		if n++; n > max {
			break // enough to know it is cut
		}
	}
	return clip(b.String(), max)
}

// clip cuts s to max characters, the last being "…" when cut.
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
