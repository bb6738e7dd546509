package cli

import (
	"strings"
	"testing"
)

func TestReflowKeepsShortLayout(t *testing.T) {
	in := "short line\nanother\n\n  indented example that is long enough to wrap here\n- item one\n- item two"
	if got := reflow(in, 80); got != in {
		t.Errorf("changed text that fits:\n%s", got)
	}
	got := reflow("one two three four\nfive six", 10)
	if got != "one two\nthree four\nfive six" {
		t.Errorf("reflow: %q", got)
	}
	if got := wrapLines("    aaa bbb ccc", 11); got != "    aaa bbb\n    ccc" {
		t.Errorf("wrapLines keeps the indent: %q", got)
	}
}

func TestExamplesWrapAsShellLines(t *testing.T) {
	long := `  segdash check --format nagios --min 10000 --reason "import moved here" "VIP"`
	got := wrapExamples(long, 40)
	lines := strings.Split(got, "\n")
	for i, l := range lines {
		if w := len(l); w > 40 {
			t.Errorf("line %d is %d columns: %q", i, w, l)
		}
		if i < len(lines)-1 && !strings.HasSuffix(l, " \\") {
			t.Errorf("line %d does not continue the command: %q", i, l)
		}
		if strings.Count(l, `"`)%2 != 0 {
			t.Errorf("line %d breaks inside quotes: %q", i, l)
		}
	}
	if len(lines) < 2 {
		t.Fatalf("a command over the width was not wrapped: %q", got)
	}
	// What the shell reads back is the command as written.
	joined := strings.ReplaceAll(got, " \\\n    ", " ")
	if joined != long {
		t.Errorf("wrapped command reads back as\n%q, want\n%q", joined, long)
	}

	commented := "  segdash -w eu --watch morning  # workspace eu, watchlist morning selected"
	got = wrapExamples(commented, 40)
	want := "  # workspace eu, watchlist morning\n  # selected\n  segdash -w eu --watch morning"
	if got != want {
		t.Errorf("a comment that does not fit goes above its command:\n%s\nwant\n%s", got, want)
	}
	if got := wrapExamples(`  segdash check "a # b"  # note`, 20); !strings.HasSuffix(got, `"a # b"`) || !strings.HasPrefix(got, "  # note\n") {
		t.Errorf("a # inside quotes is not a comment: %q", got)
	}
	// A command that fits once its comment moved up stays one line.
	if got := wrapExamples("  segdash check --format spark --len 3 V   # a spark line of VIP", 40); got != "  # a spark line of VIP\n  segdash check --format spark --len 3 V" {
		t.Errorf("a command that fits was broken: %q", got)
	}
	if got := wrapExamples(commented, 80); got != commented {
		t.Errorf("a line that fits changed: %q", got)
	}
}
