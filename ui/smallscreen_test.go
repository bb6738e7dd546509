package ui

import (
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
