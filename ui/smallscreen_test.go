package ui

import (
	"regexp"
	"strings"
	"testing"
)

// TestEightyByTwentyFourShowsTenRowsAndTheChart: at 80×24 a user sees at
// least 10 rows of the list and the chart under them.
func TestEightyByTwentyFourShowsTenRowsAndTheChart(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 80, 24)
	s := screen(m)
	if n := len(m.list.OnScreen(0)); n < 10 {
		t.Errorf("%d rows at 80x24, want at least 10:\n%s", n, s)
	}
	if !strings.Contains(s, "┤") || !strings.Contains(s, "estimated daily size") {
		t.Errorf("no chart at 80x24:\n%s", s)
	}
}

// TestChartTextIsNotCutMidNumberAt120: side by side at 120 columns the
// chart pane's caption and the day cursor's readings (with the previous
// period) wrap or shorten by meaning: no number is cut.
func TestChartTextIsNotCutMidNumberAt120(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Length: 90})
	start(t, m, 120, 40)
	press(t, m, "v")
	s := screen(m)
	cut := regexp.MustCompile(`[0-9,.]…|to…`)
	for _, l := range strings.Split(s, "\n") {
		_, pane, ok := strings.Cut(l, "│")
		if ok && cut.MatchString(pane) {
			t.Errorf("cut mid-number: %q\n%s", pane, s)
		}
	}
	mustContain(t, s, "estimated daily size, 90 days to now", "vs previous 90 days")
}
