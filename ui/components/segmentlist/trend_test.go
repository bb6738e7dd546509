package segmentlist

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTrendKeepsTheWeeklyRhythmOut: a series with a weekly rhythm and no
// trend draws flat in whole-week cells (30 days into 9 cells drew a
// sawtooth before); windows that fit get one cell a day; the header says
// which.
func TestTrendKeepsTheWeeklyRhythmOut(t *testing.T) {
	weekly := make([]int64, 30)
	for i := range weekly {
		weekly[i] = 1000
		if i%7 == 5 || i%7 == 6 {
			weekly[i] = 600 // weekends
		}
	}
	if got := trend(weekly, 9); strings.Trim(got, "▁") != "" || utf8.RuneCountInString(got) != 4 {
		t.Errorf("30 days of a flat weekly rhythm in 9 cells: %q, want 4 flat weeks", got)
	}
	for _, c := range []struct {
		days, cells int
		header      string
	}{
		{30, 9, "TREND/w"}, {30, 30, "TREND/d"}, {7, 9, "TREND/d"}, {10, 8, "TREND/d"},
		{90, 9, "TREND/2w"}, {365, 20, "TREND/3w"}, {0, 9, "TREND"},
	} {
		if h := trendHeader(c.days, c.cells); h != c.header {
			t.Errorf("%d days in %d cells: %q, want %q", c.days, c.cells, h, c.header)
		}
	}
	if got := trend([]int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 8); utf8.RuneCountInString(got) != 8 {
		t.Errorf("10 days in 8 cells: %q, want the newest 8 days", got)
	}
}
