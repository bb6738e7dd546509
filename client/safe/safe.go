// Package safe makes untrusted text (segment names, ids, messages from a
// server, values from a config file) safe to print on a terminal: escape
// sequences go whole, and no control character, bidirectional override or
// invalid UTF-8 reaches the output. It imports only the standard library,
// so the client, the configuration and the text output share one
// implementation.
package safe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text makes s safe to print and keeps it readable as it is: escape
// sequences are removed, other control characters (C0, DEL, C1, the 8-bit
// CSI included), bidirectional overrides, isolates and marks (which reorder
// what follows, as in "Trojan Source"), line and paragraph separators and
// invalid UTF-8 become "�", and line breaks and tabs become spaces.
// Printable text, wide characters and runs of spaces included, is kept.
func Text(s string) string {
	if Plain(s) {
		return s
	}
	return clean(s, false, -1)
}

// Line makes s fit one line, for a server's message in an error: as Text,
// but every run of white space, control characters (the 8-bit CSI starts a
// sequence dropped whole) and invisible reordering characters becomes one
// space, the ends are trimmed, and the result is cut to max characters, the
// last being "…" when cut.
func Line(s string, max int) string {
	return Clip(clean(strings.TrimSpace(s), true, max), max)
}

// clean is Text (oneLine false) or Line before its cut: it stops once more
// than max characters are written (max < 0: never), enough to know the
// text is cut.
func clean(s string, oneLine bool, max int) string {
	var b strings.Builder
	n, space := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == 0x1b || (oneLine && r == 0x9b) { // an escape sequence goes whole, not only its ESC
			i = escapeEnd(s, i)
			space = space || oneLine
			continue
		}
		i += size
		switch {
		case oneLine && (unicode.IsSpace(r) || unicode.IsControl(r) || Reorders(r)):
			space = true
			continue
		case oneLine: // invalid UTF-8 decodes as "�" already
		case r == '\n' || r == '\r' || r == '\t':
			r = ' '
		case unicode.IsControl(r) || r == 0x2028 || r == 0x2029 || Reorders(r):
			r = '�'
		}
		if space && n > 0 {
			b.WriteByte(' ')
			n++
		}
		space = false
		b.WriteRune(r)
		if n++; max >= 0 && n > max {
			break
		}
	}
	return b.String()
}

// Reorders reports whether r is a bidirectional embedding, override or
// isolate, or one of the marks LRM, RLM and ALM: invisible characters that
// reorder the text around them.
func Reorders(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }

// Plain reports whether s is printable ASCII only: nothing to clean, and
// one terminal cell a byte.
func Plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// escapeEnd is the index just past the escape sequence at s[i] (ESC or
// the 8-bit CSI): a CSI ("ESC [" … a final byte @ to ~), an OSC, DCS, SOS,
// PM or APC string (… up to BEL or ST), or ESC, any intermediate bytes
// (space to /) and the one character after them.
func escapeEnd(s string, i int) int {
	csi := s[i] != 0x1b // U+009B, the 8-bit CSI
	if csi {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	} else {
		i++ // ESC
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++ // intermediate bytes, as in ESC ( B
		}
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

// Clip cuts s to max characters, the last being "…" when cut.
func Clip(s string, max int) string {
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
