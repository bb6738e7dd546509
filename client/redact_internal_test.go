package client

import (
	"strings"
	"testing"
)

// TestRedactCaseAndZeroWidth: the key comes back redacted when an echo
// changes its case or splits it with zero-width characters.
func TestRedactCaseAndZeroWidth(t *testing.T) {
	const key = "3bbc4555-8fa0-4c9b-a5c0-4505edf3e064"
	cases := map[string]string{
		"plain":          "Invalid API key: " + key,
		"upper":          "Invalid API key: " + strings.ToUpper(key),
		"mixed":          "Invalid API key: 3BBC4555-8fa0-4C9B-a5c0-4505EDF3E064",
		"zero-width":     "Invalid API key: 3bbc\u200b4555-8fa0\u200c-4c9b\u200d-a5c0\u2060-4505\ufeffedf3e064",
		"upper and zwsp": "Invalid API key: 3BBC\u200B4555-8FA0-4C9B-A5C0-4505EDF3E064",
		"a part":         "Invalid API key: 4C9B-A5C0",
	}
	for name, msg := range cases {
		got := redact(msg, key)
		if got != "Invalid API key: [redacted]" {
			t.Errorf("%s: %q", name, got)
		}
	}
	// A key given in upper case is found in lower case too.
	if got := redact("echo "+key, strings.ToUpper(key)); got != "echo [redacted]" {
		t.Errorf("upper-case secret: %q", got)
	}
	// A short secret is redacted whole, in any case.
	if got := redact("a KeY b", "key"); got != "a [redacted] b" {
		t.Errorf("short secret: %q", got)
	}
	// Text around it, wide characters and invalid bytes included, stays.
	if got := redact("é\xff\uFFFD "+key+" ü", key); got != "é\xff\uFFFD [redacted] ü" {
		t.Errorf("neighbours: %q", got)
	}
	if got := redact("nothing here", key); got != "nothing here" {
		t.Errorf("untouched: %q", got)
	}
}

func TestLooksLikeKey(t *testing.T) {
	for _, s := range []string{"3bbc4555-8fa0-4c9b-a5c0-4505edf3e064", " 3BBC4555-8FA0-4C9B-A5C0-4505EDF3E064\n", "3bbc4555\u200b-8fa0-4c9b-a5c0-4505edf3e064"} {
		if !LooksLikeKey(s) {
			t.Errorf("%q: not a key?", s)
		}
	}
	for _, s := range []string{"", "dark", "~/.config/segdash/key", "BRAZE_EU_KEY", "3bbc4555-8fa0-4c9b-a5c0"} {
		if LooksLikeKey(s) {
			t.Errorf("%q: a key?", s)
		}
	}
}
