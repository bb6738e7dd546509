package client

import "testing"

// TestOneLineDropsWholeEscapes: an escape sequence in a server's text goes
// whole, not only its ESC: no "[31m" left behind to read as text.
func TestOneLineDropsWholeEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"bad \x1b[31mred\x1b[0m detail":          "bad red detail",
		"title \x1b]0;pwned\x07 here":            "title here",
		"clip \x1b]52;c;aGVsbG8=\x1b\\ end":      "clip end",
		"csi \u009b2J gone":                      "csi gone",
		"lone \x1bc reset":                       "lone reset",
		"cut at the end \x1b[":                   "cut at the end",
		"line one\n\nline two\r\n\tthree \u202e": "line one line two three",
	} {
		if got := oneLine(in, MaxMessage); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
