package client

import "strings"

// minSecretRun is the shortest run of the key's characters that redact
// removes: a server echoing "acc-key-" (the key's first 8 characters) must
// not show them, while ordinary words rarely match 6 characters of a key.
const minSecretRun = 6

// redact replaces, in s, every run of minSecretRun or more consecutive
// characters of secret (the whole key, or any part of it) with
// "[redacted]". A secret shorter than that is redacted where it appears
// whole.
func redact(s, secret string) string {
	if secret == "" || s == "" {
		return s
	}
	if len(secret) < minSecretRun {
		return strings.ReplaceAll(s, secret, "[redacted]")
	}
	// Mark every byte of s covered by some window of the secret: a run of
	// n >= minSecretRun secret characters is covered by its windows.
	var marked []bool
	for i := 0; i+minSecretRun <= len(secret); i++ {
		w := secret[i : i+minSecretRun]
		for from := 0; ; {
			j := strings.Index(s[from:], w)
			if j < 0 {
				break
			}
			if marked == nil {
				marked = make([]bool, len(s))
			}
			for k := from + j; k < from+j+minSecretRun; k++ {
				marked[k] = true
			}
			from += j + 1
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
