package safe

import (
	"strings"
	"testing"
)

// TestText: escapes go, controls and reordering characters are marked,
// line breaks become spaces, and printable text (runs of spaces and wide
// characters included) is kept.
func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                         "plain",
		"two  spaces":                   "two  spaces",
		"Imported \x1b[31mred\x1b[0m\a": "Imported red�",
		"a\nb\tc":                       "a b c",
		"csi\u009b31m":                  "csi�31m",
		"bad\xffutf8":                   "bad�utf8",
		"日本のユーザー 🎉":                     "日本のユーザー 🎉",
		"osc\x1b]0;title\x07after":      "oscafter",
		"charset\x1b(Bset":              "charsetset",
		"invoice\u202etxt.exe":          "invoice�txt.exe",
		"iso\u2066late\u2069":           "iso�late�",
		"para\u2029graph":               "para�graph",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLine: one line, collapsed and cut.
func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"bad \x1b[31mred\x1b[0m detail":          "bad red detail",
		"title \x1b]0;pwned\x07 here":            "title here",
		"clip \x1b]52;c;aGVsbG8=\x1b\\ end":      "clip end",
		"csi \u009b2J gone":                      "csi gone",
		"lone \x1bc reset":                       "lone reset",
		"cut at the end \x1b[":                   "cut at the end",
		"line one\n\nline two\r\n\tthree \u202e": "line one line two three",
		"bad\xffutf8":                            "bad�utf8",
	} {
		if got := Line(in, 300); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line(strings.Repeat("ab ", 100), 10); got != "ab ab ab …" {
		t.Errorf("cut: %q", got)
	}
}

func FuzzText(f *testing.F) {
	f.Add("Imported \x1b[31mred\x1b[0m")
	f.Add("\u009b\u0090x\x00")
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Text(s), Line(s, 50)} {
			for _, r := range out {
				if r < 0x20 || (r >= 0x7f && r <= 0x9f) || Reorders(r) {
					t.Fatalf("%q kept control %U in %q", s, r, out)
				}
			}
		}
	})
}
