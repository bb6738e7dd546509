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
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == 0x1b || r == 0x9b { // an escape sequence goes whole, not only its ESC
			i = escapeEnd(s, i)
			space = true
			continue
		}
		i += size
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

// escapeEnd is the index just past the escape sequence at s[i] (ESC or
// the 8-bit CSI): a CSI ("ESC [" … a final byte @ to ~), an OSC, DCS, SOS,
// PM or APC string (… up to BEL or ST), or ESC and the one character after.
func escapeEnd(s string, i int) int {
	csi := s[i] != 0x1b // U+009B, the 8-bit CSI
	if csi {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	} else {
		i++ // ESC
		if i >= len(s) {
			return i
		}
		switch s[i] {
		case '[':
			csi = true
			i++
		case ']', 'P', 'X', '^', '_':
			for i++; i < len(s); i++ {
				if s[i] == 0x07 {
					return i + 1
				}
				if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
			}
			return i
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			return i + size
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
	}
	return i
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
