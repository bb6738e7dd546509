package cli

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrapExamples fits the example lines of s into width columns so that each
// still pastes into a shell as it reads: a trailing comment that does not
// fit moves onto a line of its own above its command, and a command longer
// than width breaks between words with a " \" continuation, never inside
// quotes. Lines that fit stay as written.
func wrapExamples(s string, width int) string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if ansi.StringWidth(l) <= width {
			out = append(out, l)
			continue
		}
		body := strings.TrimLeft(l, " ")
		indent := l[:len(l)-len(body)]
		cmd, comment := splitComment(body)
		if strings.HasPrefix(body, "#") {
			cmd, comment = "", strings.TrimSpace(strings.TrimPrefix(body, "#"))
		}
		if comment != "" {
			out = append(out, indent+"# "+wrapWords(comment, width-len(indent)-2, indent+"# "))
		}
		if cmd != "" {
			out = append(out, indent+continueCommand(cmd, width-len(indent), indent))
		}
	}
	return strings.Join(out, "\n")
}

// splitComment splits a command line at its first " #" outside quotes:
// the command without trailing spaces, and the comment's text.
func splitComment(s string) (cmd, comment string) {
	var quote rune
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#' && i > 0 && s[i-1] == ' ':
			return strings.TrimRight(s[:i], " "), strings.TrimSpace(s[i+1:])
		}
	}
	return s, ""
}

// continueCommand breaks cmd into lines of at most width columns at spaces
// outside quotes, ending every line but the last with " \" and starting
// the next with indent and two more spaces. A word longer than a line
// keeps a line of its own.
func continueCommand(cmd string, width int, indent string) string {
	words := shellWords(cmd)
	var b strings.Builder
	col, limit := 0, width
	for i, w := range words {
		ww := ansi.StringWidth(w)
		cont := 2 // the " \" this line ends with when another word follows
		if i == len(words)-1 {
			cont = 0
		}
		if i > 0 {
			if col+1+ww+cont > limit && col > 0 {
				b.WriteString(" \\\n" + indent + "  ")
				col, limit = 0, width-2
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += ww
	}
	return b.String()
}

// shellWords splits s at runs of spaces outside single or double quotes.
func shellWords(s string) []string {
	var words []string
	var quote rune
	start := -1
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == ' ':
			if start >= 0 {
				words, start = append(words, s[start:i]), -1
			}
			continue
		case r == '"' || r == '\'':
			quote = r
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}
