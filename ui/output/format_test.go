package output

import (
	"strings"
	"testing"
	"time"
)

func TestHumanCount(t *testing.T) {
	cases := map[int64]string{0: "0", 950: "950", 999: "999", 1000: "1k", 12345: "12.3k", 999_949: "999.9k",
		999_950: "1M", 4_500_000: "4.5M", 1_234_567_890: "1.2B", -12345: "-12.3k"}
	for in, want := range cases {
		if got := HumanCount(in); got != want {
			t.Errorf("HumanCount(%d) = %q, want %q", in, got, want)
		}
	}
	if Grouped(1234567) != "1,234,567" || Grouped(-1000) != "-1,000" || Grouped(12) != "12" {
		t.Errorf("Grouped: %s %s %s", Grouped(1234567), Grouped(-1000), Grouped(12))
	}
}

func TestChange(t *testing.T) {
	if got := ChangeOf(1000, 1100).String(); got != "+100 (+10.0%)" {
		t.Errorf("got %q", got)
	}
	if got := ChangeOf(2000, 1000).String(); got != "-1k (-50.0%)" {
		t.Errorf("got %q", got)
	}
	if got := ChangeOf(0, 5).String(); got != "+5" {
		t.Errorf("from zero: %q", got)
	}
}

func TestSparkline(t *testing.T) {
	if got := Sparkline([]int64{1, 2, 3, 4, 5, 6, 7, 8}, 10); got != "▁▂▃▄▅▆▇█" {
		t.Errorf("ramp: %q", got)
	}
	if got := Sparkline([]int64{5, 5, 5}, 10); got != "▁▁▁" {
		t.Errorf("flat: %q", got)
	}
	// A long window is resampled to the width, keeping its whole shape
	// (the fall at the start stays), not cut to its newest days.
	if got := Sparkline([]int64{9, 1, 2}, 2); got != "█▁" {
		t.Errorf("resampled: %q", got)
	}
	if got := Sparkline([]int64{1, 2, 3, 4, 5, 6, 7, 8}, 4); got != "▁▃▅█" {
		t.Errorf("ramp resampled: %q", got)
	}
	if got := Resample([]int64{1, 3, 5, 7, 9, 11}, 3); len(got) != 3 || got[0] != 2 || got[2] != 10 {
		t.Errorf("Resample: %v", got)
	}
	if Sparkline(nil, 5) != "" || Sparkline([]int64{1}, 0) != "" {
		t.Error("empty cases")
	}
}

func TestSafeText(t *testing.T) {
	cases := map[string]string{
		"plain":                         "plain",
		"Imported \x1b[31mred\x1b[0m\a": "Imported red�",
		"a\nb\tc":                       "a b c",
		"csi\u009b31m":                  "csi�31m",
		"bad\xffutf8":                   "bad�utf8",
		"日本のユーザー 🎉":                     "日本のユーザー 🎉",
		"osc\x1b]0;title\x07after":      "oscafter",
		"invoice\u202etxt.exe":          "invoice�txt.exe",
		"iso\u2066late\u2069":           "iso�late�",
	}
	for in, want := range cases {
		if got := SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSafeText(f *testing.F) {
	f.Add("Imported \x1b[31mred\x1b[0m")
	f.Add("\u009b\u0090x\x00")
	f.Fuzz(func(t *testing.T, s string) {
		out := SafeText(s)
		for _, r := range out {
			if r < 0x20 || (r >= 0x7f && r <= 0x9f) {
				t.Fatalf("SafeText(%q) kept control %U", s, r)
			}
		}
	})
}

func TestTruncateAndPad(t *testing.T) {
	if got := Truncate("日本のユーザー", 7); Width(got) > 7 || !strings.HasSuffix(got, "…") {
		t.Errorf("wide truncate: %q (%d)", got, Width(got))
	}
	if got := PadRight("ab", 4); got != "ab  " {
		t.Errorf("PadRight: %q", got)
	}
	// A cut just after the text's own "…" ends with one "…", not two.
	for _, in := range []string{"listed 5s ago, refreshing… 3 alerted", "日本 refreshing… 3 alerted"} {
		own := in[:strings.Index(in, "…")+len("…")]
		if got := Truncate(in, Width(own)+1); strings.Contains(got, "……") || !strings.HasSuffix(got, "…") {
			t.Errorf("Truncate(%q) = %q", in, got)
		}
	}
	if got := Truncate("waiting…", 8); got != "waiting…" {
		t.Errorf("a text that fits is kept whole: %q", got)
	}
	if got := PadLeft("日本", 6); got != "  日本" {
		t.Errorf("PadLeft: %q", got)
	}
	if got := PadRight("abcdef", 4); got != "abc…" {
		t.Errorf("PadRight cut: %q", got)
	}
}

// TestRateWaitNoticeOncePerReset: a scan's workers all meet the same used
// up limit; it is told once, with the time it resets, and again only for
// a later reset; a short backoff is not told.
func TestRateWaitNoticeOncePerReset(t *testing.T) {
	now := time.Date(2026, 12, 6, 21, 9, 0, 0, time.UTC)
	var b strings.Builder
	notice := RateWaitNotice(&b, "segdash: ", false, func() time.Time { return now })
	notice(now.Add(5 * time.Second)) // a backoff: not worth a line
	reset := time.Date(2026, 12, 6, 22, 0, 0, 0, time.UTC)
	for i := range 5 {
		notice(reset.Add(time.Duration(i) * time.Second)) // the same reset, as each worker computes it
	}
	notice(reset.Add(time.Hour))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "waiting until 22:00:00 UTC (in 51 min)") ||
		!strings.Contains(lines[1], "waiting until 23:00:00 UTC (in 1 h 51 min)") || !strings.HasPrefix(lines[0], "segdash: rate limited (HTTP 429)") {
		t.Errorf("notices:\n%s", b.String())
	}
	for d, want := range map[time.Duration]string{20 * time.Second: "under a minute", 90 * time.Second: "2 min", 59 * time.Minute: "59 min", 2*time.Hour + 5*time.Minute: "2 h 05 min"} {
		if got := Until(d); got != want {
			t.Errorf("Until(%v) = %q, want %q", d, got, want)
		}
	}
}
