package output

import (
	"slices"
	"testing"
)

// TestResampleKeepsTheWholeWindow: a year of values in 10 cells spans
// the year (its rise from the first day shows), not the last 10 days.
func TestResampleKeepsTheWholeWindow(t *testing.T) {
	year := make([]int64, 365)
	for i := range year {
		year[i] = int64(i / 100) // steps at days 100, 200, 300; flat at the end
	}
	got := Resample(year, 10)
	if len(got) != 10 || got[0] != 0 || got[9] != 3 || !slices.IsSorted(got) {
		t.Fatalf("resample = %v", got)
	}
	if s := Sparkline(got, 10); []rune(s)[0] == []rune(s)[9] {
		t.Fatalf("sparkline of a rising year is flat: %q", s)
	}
	short := []int64{1, 2, 3}
	if got := Resample(short, 10); !slices.Equal(got, short) {
		t.Fatalf("short series changed: %v", got)
	}
	if got := Resample([]int64{1, 3, 5, 7}, 2); !slices.Equal(got, []int64{2, 6}) {
		t.Fatalf("means: %v", got)
	}
}
