package segmentlist

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
	"github.com/segdash/segdash/ui/series"
)

func monoCommon() *common.Common {
	return common.New(context.Background(), nil, nil, themes.NewStyles(themes.Mono(), true))
}

func newList(n int, sizes map[string]int64) *Model {
	m := New(monoCommon())
	for id, v := range sizes {
		m.SetSummary(id, series.Summary{HasData: true, Latest: v, Values: []int64{v / 2, v}, Change: output.ChangeOf(v/2, v)})
	}
	var segs []client.Segment
	for i := range n {
		segs = append(segs, client.Segment{ID: fmt.Sprintf("id%d", i), Name: fmt.Sprintf("Segment %c%d", 'Z'-rune(i%26), i),
			Tags: []string{[]string{"vip", "push", "email"}[i%3]}, AnalyticsTrackingEnabled: true})
	}
	m.SetSegments(segs)
	m.SetSize(80, 10)
	return m
}

func TestFuzzyAndTags(t *testing.T) {
	cases := map[string]bool{"lapsed users": true, "lpsd": true, "usr lap": false, "": true, "lapsed  7": true, "xyz": false}
	for p, want := range cases {
		if got := fuzzyMatch("lapsed users - 7 days", p); got != want {
			t.Errorf("fuzzyMatch(%q) = %v", p, got)
		}
	}
	m := newList(30, nil)
	m.SetFilter("tag:vip")
	if m.Visible() != 10 {
		t.Errorf("tag:vip shows %d, want 10", m.Visible())
	}
	m.SetFilter("tag:VIP z0")
	if m.Visible() != 1 {
		t.Errorf("tag and text: %d visible", m.Visible())
	}
	m.SetFilter("tag:nope")
	if m.Visible() != 0 || m.CursorID() != "" {
		t.Errorf("no match: %d visible, cursor %q", m.Visible(), m.CursorID())
	}
}

func TestSortKeepsCursorAndSelection(t *testing.T) {
	sizes := map[string]int64{"id3": 500, "id7": 9000, "id1": 20}
	m := newList(30, sizes)
	m.Move(3)
	m.Toggle()
	if m.CursorID() != "id3" {
		t.Fatalf("cursor %s", m.CursorID())
	}
	m.CycleSort() // name
	if m.CursorID() != "id3" || !m.isSelected("id3") {
		t.Errorf("sorting lost the cursor or the selection")
	}
	m.CycleSort() // size
	got := []string{}
	for _, i := range m.view[:3] {
		got = append(got, m.all[i].ID)
	}
	if strings.Join(got, ",") != "id7,id3,id1" {
		t.Errorf("size order %v", got)
	}
}

func TestScrollAndRowAt(t *testing.T) {
	m := newList(100, nil)
	m.Move(50)
	if m.offset == 0 || m.cursor != 50 {
		t.Fatalf("cursor %d offset %d", m.cursor, m.offset)
	}
	i, ok := m.RowAt(1)
	if !ok || i != m.offset {
		t.Errorf("RowAt(1) = %d %v, want %d", i, ok, m.offset)
	}
	if _, ok := m.RowAt(0); ok {
		t.Error("the header is not a row")
	}
	m.Scroll(-1000)
	if m.offset != 0 || m.cursor > m.Page()-1 {
		t.Errorf("scroll to top: offset %d cursor %d", m.offset, m.cursor)
	}
	m.bottom()
	if m.CursorID() != "id99" {
		t.Errorf("bottom: %s", m.CursorID())
	}
}

func TestRowsFitAndStaySafe(t *testing.T) {
	m := newList(3, map[string]int64{"id0": 5})
	m.all[1].Name = "evil \x1b]0;pwned\x07 \x1b[2J name 日本のユーザー🎉 " + strings.Repeat("long ", 20)
	m.SetSegments(m.all)
	for _, w := range []int{30, 45, 60, 80, 120, 200} {
		m.SetSize(w, 6)
		for l := range strings.SplitSeq(m.View(), "\n") {
			if output.Width(l) != w {
				t.Errorf("width %d: line of %d: %q", w, output.Width(l), ansi.Strip(l))
			}
			if strings.Contains(ansi.Strip(l), "pwned") || strings.Contains(l, "\x07") || strings.Contains(l, "[2J") {
				t.Errorf("escape from a name reached the screen: %q", l)
			}
		}
	}
}

func TestFilterRanksBetterMatchesFirst(t *testing.T) {
	m := New(monoCommon())
	m.SetSegments([]client.Segment{{ID: "1", Name: "Holiday Shoppers"}, {ID: "2", Name: "Collapsed carts"}, {ID: "3", Name: "Lapsed Users"}, {ID: "4", Name: "VIP (lapsed)"}})
	m.SetSize(80, 10)
	m.SetFilter("lap")
	var got []string
	for _, s := range m.OnScreen(0) {
		got = append(got, s.ID)
	}
	if strings.Join(got, ",") != "3,4,2,1" {
		t.Errorf("order %v, want name start, word start, inside a word, spread out", got)
	}
}

func TestSelectionDropsVanishedSegments(t *testing.T) {
	m := newList(5, nil)
	m.Toggle()
	m.Move(1)
	m.Toggle()
	m.SetSegments(m.all[1:]) // id0 is gone
	if m.SelectedCount() != 1 || len(m.Selected()) != 1 || m.Selected()[0].ID != "id1" {
		t.Errorf("selection after id0 vanished: %d %v", m.SelectedCount(), m.Selected())
	}
}
