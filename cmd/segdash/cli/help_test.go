package cli

import "testing"

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
