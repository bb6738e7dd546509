package segmentlist

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/ui/output"
	"github.com/segdash/segdash/ui/series"
)

func order(m *Model) string {
	var ids []string
	for _, i := range m.view {
		ids = append(ids, m.all[i].ID)
	}
	return strings.Join(ids, ",")
}

// TestDataSortRowsWithoutDataLastSaidAndStable: sorting by size puts the
// loaded rows first (largest first), then the rest in the API's order, each
// saying why it has no number; data arriving places only the new row; S
// reverses the loaded rows and leaves the others last; the label says
// what the order covers.
func TestDataSortRowsWithoutDataLastSaidAndStable(t *testing.T) {
	m := newList(6, map[string]int64{"id4": 50, "id1": 900})
	m.SetSummary("id2", series.Summary{Loading: true})
	m.SetSummary("id3", series.Summary{}) // fetched: the window holds no point
	m.SetSummary("id5", series.Summary{Err: "boom", Stale: true})
	m.CycleSort()
	m.CycleSort() // size
	if got := order(m); got != "id1,id4,id0,id2,id3,id5" {
		t.Fatalf("size order %s", got)
	}
	if l := m.SortLabel(); l != "sorted by size ↓ among 2 loaded of 6 · S orders all" {
		t.Errorf("label %q", l)
	}
	m.SetSize(80, 10)
	view := ansi.Strip(m.View())
	for id, word := range map[string]string{"Z0": "—", "X2": "loading", "W3": "no data", "U5": "! error"} {
		if !strings.Contains(rowOf(view, id), word) {
			t.Errorf("row %s lacks %q:\n%s", id, word, view)
		}
	}
	if !strings.Contains(strings.SplitN(view, "\n", 2)[0], "SIZE↓") {
		t.Errorf("header does not mark the sort: %q", strings.SplitN(view, "\n", 2)[0])
	}
	// id2 arrives: it takes its place; the others keep their order.
	m.SetSummary("id2", series.Summary{HasData: true, Latest: 100, Values: []int64{100}})
	m.Resort()
	if got := order(m); got != "id1,id2,id4,id0,id3,id5" {
		t.Errorf("after id2 loaded: %s", got)
	}
	m.Reverse()
	if got := order(m); got != "id4,id2,id1,id0,id3,id5" {
		t.Errorf("reversed: %s", got)
	}
	if l := m.SortLabel(); l != "sorted by size ↑ among 3 loaded of 6 · S orders all" {
		t.Errorf("reversed label %q", l)
	}
	m.CycleSort() // change, largest rise first again
	if m.reverse || !strings.HasPrefix(m.SortLabel(), "sorted by change ↓") {
		t.Errorf("a new sort starts in its usual direction: %q", m.SortLabel())
	}
}

// TestSizeSortPutsUntrackedAfterTheSizes: an untracked segment whose
// stand-in answered zeros has no size: sorted by size, it comes after
// every row with one, the zeros included, in both directions.
func TestSizeSortPutsUntrackedAfterTheSizes(t *testing.T) {
	m := newList(4, map[string]int64{"id0": 0, "id2": 0, "id3": 40})
	m.SetSummary("id1", series.Summary{HasData: true, Untracked: true, Values: []int64{0, 0}})
	m.CycleSort()
	m.CycleSort() // size
	if got := order(m); got != "id3,id0,id2,id1" {
		t.Errorf("size ↓: %s", got)
	}
	m.Reverse()
	if got := order(m); got != "id0,id2,id3,id1" {
		t.Errorf("size ↑: %s", got)
	}
}

func rowOf(view, namePart string) string {
	for l := range strings.SplitSeq(view, "\n") {
		if strings.Contains(l, namePart) {
			return l
		}
	}
	return ""
}

// TestDayChangeAndAbsoluteColumns: the DAY Δ column is the newest day's
// change; where there is room the absolute change stands beside the percent.
func TestDayChangeAndAbsoluteColumns(t *testing.T) {
	m := newList(2, nil)
	m.SetSummary("id0", series.Summary{HasData: true, Latest: 1100, Values: []int64{800, 1000, 1100},
		Change: output.ChangeOf(800, 1100)})
	m.SetSize(50, 4)
	head, row := headRow(m)
	if !strings.Contains(head, "DAY Δ") || !strings.Contains(row, "+10.0%") || strings.Contains(row, "+300") {
		t.Errorf("at 50 cells: day change without the absolute one:\n%s\n%s", head, row)
	}
	m.SetSize(90, 4)
	head, row = headRow(m)
	if !strings.Contains(row, "+10.0%") || !strings.Contains(row, "+300 ") || !strings.Contains(row, "+37.5%") {
		t.Errorf("at 90 cells: day, absolute and percent change:\n%s\n%s", head, row)
	}
}

func headRow(m *Model) (string, string) {
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	return lines[0], lines[1]
}

// TestTagsFromTheNarrowSideBySideList: TAGS shows from a 45-cell list (the
// side-by-side layout at 100 columns) with room left for the name.
// TestColumnsKeepNamesReadable: DAY Δ comes first, TAGS from a 54-cell
// list (a 108-column terminal side by side, the default 140 included), and
// no column squeezes the name under nameShort cells.
func TestColumnsKeepNamesReadable(t *testing.T) {
	m := newList(3, nil)
	for _, c := range []struct {
		w         int
		day, tags bool
	}{{40, false, false}, {45, true, false}, {50, true, false}, {54, true, true}, {70, true, true}} {
		m.SetSize(c.w, 4)
		got := m.layout()
		if (got.day > 0) != c.day || (got.tags > 0) != c.tags || got.name < nameShort || got.total() != c.w {
			t.Errorf("width %d: %+v (total %d)", c.w, got, got.total())
		}
	}
}

// TestNamesCutStillDiffer: names that share their start stay apart when
// cut; the cut keeps the end that tells them apart.
func TestNamesCutStillDiffer(t *testing.T) {
	names := []string{"Active Users - 30 days (iOS)", "Active Users - 30 days (Android)", "Active Users - 30 days (Web)"}
	for _, w := range []int{14, 16, 20} {
		seen := map[string]bool{}
		for _, n := range names {
			got := fitName(n, w)
			if output.Width(got) != w || seen[got] {
				t.Errorf("width %d: %q (width %d) repeats or misfits", w, got, output.Width(got))
			}
			seen[got] = true
		}
	}
	if got := fitName("日本のユーザー・アクティブ (EU)", 12); output.Width(got) != 12 || !strings.HasSuffix(strings.TrimSpace(got), "(EU)") {
		t.Errorf("wide characters: %q", got)
	}
}

// TestPositionCounter: the header says where the cursor is among the rows.
func TestPositionCounter(t *testing.T) {
	m := newList(30, nil)
	m.SetSize(60, 6)
	m.Move(11)
	if head, _ := headRow(m); !strings.Contains(head, "NAME  12/30") {
		t.Errorf("header %q", head)
	}
}
