package main

import (
	"strings"
	"testing"
)

func TestDashboardFlagErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--theme", "neon"}, "valid themes: auto, dark, high-contrast, light, mono, ocean"},
		{[]string{"--refresh", "10ms"}, "--refresh"},
		{[]string{"--refresh", "-1m"}, "--refresh"},
		{[]string{"--length", "500"}, "1..100"},
		{[]string{"extra-arg"}, "unknown command"},
	}
	for _, tc := range cases {
		code, _, errs := runSegdash(t, map[string]string{}, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d %q, want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
}

func TestDashboardNeedsATerminal(t *testing.T) {
	code, _, errs := runSegdash(t, map[string]string{}, "--theme", "light")
	if code != 2 || !strings.Contains(errs, "needs a terminal") || !strings.Contains(errs, "segdash check") {
		t.Errorf("exit %d %q", code, errs)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runSegdash(t, nil, "version")
	if code != 0 || !strings.HasPrefix(out, "segdash ") {
		t.Errorf("version: %d %q", code, out)
	}
}
