package client

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minSecretRun is the shortest run of the key's characters that redact
// removes: a server echoing "acc-key-" (the key's first 8 characters) must
// not show them, while ordinary words rarely match 6 characters of a key.
const minSecretRun = 6

// Redact is s with every run of minSecretRun or more consecutive
// characters of secret replaced by "[redacted]" (see redact). Code outside
// the client (configuration errors) uses it for the key in use.
func Redact(s, secret string) string { return redact(s, secret) }

// invisible says whether r is a zero-width character that a copy and paste
// may leave inside a key: zero-width space, non-joiner and joiner, word
// joiner and the byte order mark. Redaction reads through them.
func invisible(r rune) bool {
	return r >= '\u200B' && r <= '\u200D' || r == '\u2060' || r == '\uFEFF'
}

// folded is s in lower case without invisible characters; from[i] is the
// byte of s that byte i of it came from (nil when s is ASCII: the same
// byte). One int32 per byte keeps an 8 MiB message's map at 32 MiB, and
// the usual ASCII message needs none.
func folded(s string) (f string, from []int32) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s), nil
	}
	var b strings.Builder
	b.Grow(len(s))
	from = make([]int32, 0, len(s))
	for i, r := range s {
		if invisible(r) {
			continue
		}
		n := b.Len()
		b.WriteRune(unicode.ToLower(r))
		for range b.Len() - n {
			from = append(from, int32(i))
		}
	}
	return b.String(), from
}

// span is the bytes of s that bytes [i, j) of its folded form came from,
// whole characters.
func span(s string, from []int32, i, j int) (int, int) {
	if from == nil {
		return i, j
	}
	last := int(from[j-1])
	_, size := utf8.DecodeRuneInString(s[last:])
	return int(from[i]), last + size
}

// redact replaces, in s, every run of minSecretRun or more consecutive
// characters of secret (the whole key, or any part of it) with
// "[redacted]". Case does not matter, and zero-width characters inside a
// run do not break it: a server or a paste that changes the case or
// splits the key still shows none of it. A secret shorter than
// minSecretRun is redacted where it appears whole.
func redact(s, secret string) string {
	if secret == "" || s == "" {
		return s
	}
	fs, from := folded(s)
	sec, _ := folded(secret)
	run := min(minSecretRun, len(sec))
	if run == 0 {
		return s
	}
	// Mark every byte of s covered by some window of the secret: a run of
	// n >= run secret characters is covered by its windows. The invisible
	// characters between two marked bytes are marked with them.
	var marked []bool
	for i := 0; i+run <= len(sec); i++ {
		w := sec[i : i+run]
		for at := 0; ; {
			j := strings.Index(fs[at:], w)
			if j < 0 {
				break
			}
			if marked == nil {
				marked = make([]bool, len(s))
			}
			lo, hi := span(s, from, at+j, at+j+run)
			for k := lo; k < hi; k++ {
				marked[k] = true
			}
			at += j + 1
		}
	}
	if marked == nil {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if !marked[i] {
			b.WriteByte(s[i])
			i++
			continue
		}
		for i < len(s) && marked[i] {
			i++
		}
		b.WriteString("[redacted]")
	}
	return b.String()
}

// keyShape is the shape of a Braze REST API key: a UUID.
var keyShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// LooksLikeKey says whether a value that should be something else (a file
// name, a variable name, a theme) has the shape of a Braze REST API key,
// zero-width characters and surrounding space aside: an error about it
// must not quote it. Segment ids share the shape; callers ask only where
// no segment id belongs.
func LooksLikeKey(s string) bool {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s))
	return keyShape.MatchString(s)
}
