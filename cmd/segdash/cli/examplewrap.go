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
		cmd, comment := splitComment(shellWords(body))
		if comment != "" {
			out = append(out, indent+"# "+wrapWords(comment, width-len(indent)-2, indent+"# "))
		}
		if len(cmd) > 0 {
			out = append(out, indent+continueCommand(cmd, width-len(indent), indent))
		}
	}
	return strings.Join(out, "\n")
}

// splitComment splits a command line's words (shellWords) at the first
// that starts a comment, as the shell does: the command's words, and the
// comment's text.
func splitComment(words []string) (cmd []string, comment string) {
	for i, w := range words {
		if strings.HasPrefix(w, "#") {
			return words[:i], strings.TrimSpace(strings.TrimPrefix(strings.Join(words[i:], " "), "#"))
		}
	}
	return words, ""
}

// continueCommand fills a command's words into lines of at most width
// columns, ending every line but the last with " \" and starting the next
// with indent and two more spaces. A word longer than a line keeps a line
// of its own.
func continueCommand(words []string, width int, indent string) string {
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
