package segmentlist

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/ui/output"
)

// columns are the cells each column takes; 0 hides a column.
type columns struct {
	name, tags, spark, size, day, change, abs int
}

// Column widths: a size or percent fits in 7 cells ("328.7k", "-100.0%").
const (
	numW      = 7
	tagsMin   = 8
	tagsMax   = 16
	sparkMin  = 8
	sparkMax  = 20
	nameShort = 18 // the name keeps this much before DAY Δ and TAGS are added
	nameFair  = 20 // and this much before TREND and the absolute change
	nameEasy  = 24 // room beyond this is shared with TAGS and TREND
)

// layout decides which columns fit in the width. The name, size and change
// always show; then, while the name keeps its share: DAY Δ (from a 41-cell
// list) and TAGS (from 54 cells: a 108-column terminal side by side), then
// TREND and the absolute change. Room beyond that widens tags, trend and name.
func (m *Model) layout() columns {
	c := columns{size: numW, change: numW}
	free := m.width - 3 - (1 + c.size) - (1 + c.change) // the mark takes 3
	add := func(w, keep int) int {
		if free-(w+1) >= keep {
			free -= w + 1
			return w
		}
		return 0
	}
	// DAY Δ before TAGS: the newest change is what monitoring looks at.
	c.day = add(numW, nameShort)
	c.tags = add(tagsMin, nameShort)
	c.spark = add(sparkMin, nameFair)
	c.abs = add(numW, nameFair)
	if extra := free - nameEasy; extra > 0 {
		if c.tags > 0 {
			g := min(extra/3, tagsMax-c.tags)
			c.tags, free = c.tags+g, free-g
		}
		if c.spark > 0 {
			g := min(extra/3, sparkMax-c.spark)
			c.spark, free = c.spark+g, free-g
		}
	}
	c.name = max(4, free)
	return c
}

// total is the cells a row's columns take, mark and gaps included.
func (c columns) total() int {
	w := 3 + c.name
	for _, col := range []int{c.tags, c.spark, c.size, c.day, c.change, c.abs} {
		if col > 0 {
			w += 1 + col
		}
	}
	return w
}

// fitName pads name to width cells, or cuts it in the middle: names often
// share a start ("Active Users - 30 days (iOS)", "… (Android)") and differ
// at the end, so the cut keeps the end ("Active U…ys (iOS)") rather than
// cutting every one of them to the same "Active Users - 3…".
func fitName(name string, width int) string {
	w := output.Width(name)
	if w <= width {
		return output.PadRight(name, width)
	}
	if width < 9 {
		return output.PadRight(name, width)
	}
	head := (width - 1) * 2 / 5
	tail := width - 1 - head
	out := ansi.Truncate(name, head, "") + "…" + ansi.TruncateLeft(name, w-tail, "")
	return output.PadRight(out, width) // a wide character cut at an edge leaves a cell
}
