package chartpane

import "testing"

// TestReadoutWrapsWholeReadings: readings that do not fit beside the
// others go on the next line whole, never cut mid-number.
func TestReadoutWrapsWholeReadings(t *testing.T) {
	got := readout("Nov 30 2026", []string{"52,345 (+1.2%)", "previous Nov 30 2025: 52,101"}, 40)
	want := []string{"┊ Nov 30 2026  52,345 (+1.2%)", "  previous Nov 30 2025: 52,101"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("readout %q, want %q", got, want)
	}
}
