package segmentlist

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// View draws the list in exactly its size (from 24 cells wide): a header
// line, the rows and blank lines below a short list, so that a pane beside
// it keeps its column.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.Header())
	c := m.layout()
	p := newPaints(m.c.Styles)
	end := min(len(m.view), m.offset+m.Page())
	for j := m.offset; j < end; j++ {
		b.WriteString("\n")
		b.WriteString(m.row(m.all[m.view[j]], c, p, j == m.cursor))
	}
	blank := strings.Repeat(" ", m.width)
	for range m.height - 1 - (end - m.offset) {
		b.WriteString("\n")
		b.WriteString(blank)
	}
	return b.String()
}

// Header is the line of column names, with the cursor's position
// ("12/10,000") beside NAME and the sort's direction on its column.
func (m *Model) Header() string {
	c := m.layout()
	arrow := func(k SortKey, name string) string {
		if m.sortBy == k && (k != SortCreated || m.reverse) {
			return name + m.arrow()
		}
		return name
	}
	name := arrow(SortName, "NAME")
	if len(m.view) > 0 {
		pos := output.Grouped(int64(m.cursor+1)) + "/" + output.Grouped(int64(len(m.view)))
		if output.Width(name)+2+len(pos) <= c.name {
			name += "  " + pos
		}
	}
	var b strings.Builder
	b.WriteString("   " + output.PadRight(name, c.name))
	if c.tags > 0 {
		b.WriteString(" " + output.PadRight("TAGS", c.tags))
	}
	if c.spark > 0 {
		b.WriteString(" " + output.PadRight(output.Truncate(trendHeader(m.trendDays(), c.spark), c.spark), c.spark))
	}
	b.WriteString(" " + output.PadLeft(arrow(SortSize, "SIZE"), c.size))
	if c.day > 0 {
		b.WriteString(" " + output.PadLeft("DAY Δ", c.day))
	}
	if c.abs > 0 {
		b.WriteString(" " + output.PadLeft(arrow(SortChange, "CHANGE"), c.abs+1+c.change))
	} else {
		b.WriteString(" " + output.PadLeft(arrow(SortChange, "CHANGE"), c.change))
	}
	return m.c.Styles.Header.Render(output.PadRight(b.String(), m.width))
}

// cells are the texts of a row's data columns.
type cells struct {
	spark, size, day, change, abs string
	// daySign and sign are the signs of the newest day's change and of
	// the window's: each number is coloured by its own.
	daySign, sign int
	untracked     bool
}

// rowCells says what a row shows of its series: numbers when loaded, and a
// word otherwise, so that no row of a sorted list is blank: "—" not asked
// yet (below the screen), "loading", "no data", "! error", "untracked".
func (m *Model) rowCells(s client.Segment, c columns) cells {
	sum, known := m.sums[s.ID]
	// Braze keeps no history without analytics tracking; the mark stays
	// even when a stand-in answers with zeros.
	out := cells{untracked: !s.AnalyticsTrackingEnabled || sum.Untracked}
	switch {
	case sum.HasData:
		out.size = output.HumanCount(sum.Latest)
		if sum.Stale || sum.Err != "" {
			out.size = "!" + out.size
		}
		out.change, out.sign = sum.Change.PctString(), cmp.Compare(sum.Change.Abs, 0)
		if c.abs > 0 {
			out.abs = absChange(sum.Change)
		}
		if n := len(sum.Values); n > 1 && c.day > 0 {
			day := output.ChangeOf(sum.Values[n-2], sum.Values[n-1])
			out.day, out.daySign = day.PctString(), cmp.Compare(day.Abs, 0)
		}
		if c.spark > 0 {
			out.spark = trend(sum.Values, c.spark)
		}
		if out.untracked {
			// Zeros from a stand-in are no sizes: say so, show none.
			out = cells{untracked: true, change: "untracked"}
		}
	case out.untracked:
		out.change = "untracked"
	case sum.Err != "":
		out.size = "! error"
	case sum.Loading:
		out.size = "loading"
	case known:
		out.size = "no data"
	default:
		out.size = "—"
	}
	return out
}

// absChange is the absolute part of a change, "+3.8M".
func absChange(ch output.Change) string {
	s, _, _ := strings.Cut(ch.String(), " (")
	return s
}

func (m *Model) row(s client.Segment, c columns, st *paints, isCursor bool) string {
	sum := m.sums[s.ID]
	v := m.rowCells(s, c)
	// The mark column works without colour too: › cursor, ● selected, and
	// a scan's flag (▼ ▲ ◆) for a segment whose rules or anomaly fired.
	mark := " "
	if isCursor {
		mark = "›"
	}
	if m.isSelected(s.ID) {
		mark += "●"
	} else {
		mark += " "
	}
	if f := m.flags[s.ID]; f != "" {
		mark += f
	} else {
		mark += " "
	}
	name := fitName(output.SafeText(s.Name), c.name)
	tags := ""
	if c.tags > 0 {
		tags = " " + output.PadRight(output.SafeText(strings.Join(s.Tags, ",")), c.tags)
	}
	sparkCol := ""
	if c.spark > 0 {
		sparkCol = " " + output.PadRight(v.spark, c.spark)
	}
	sizeCol := " " + output.PadLeft(v.size, c.size)
	// The change columns: day, absolute, percent; "untracked" spans them.
	changeW := c.change
	for _, w := range []int{c.day, c.abs} {
		if w > 0 {
			changeW += 1 + w
		}
	}
	// dayCol is the newest day's change, windowCol the window's; a row
	// without numbers spans them with its word.
	var dayCol, windowCol string
	if v.untracked || v.day == "" && v.abs == "" {
		windowCol = " " + output.PadLeft(v.change, changeW)
	} else {
		if c.day > 0 {
			dayCol = " " + output.PadLeft(v.day, c.day)
		}
		if c.abs > 0 {
			windowCol += " " + output.PadLeft(v.abs, c.abs)
		}
		windowCol += " " + output.PadLeft(v.change, c.change)
	}
	if isCursor {
		line := output.PadRight(mark+name+tags+sparkCol+sizeCol+dayCol+windowCol, m.width)
		return st.Cursor.Render(line)
	}
	var b strings.Builder
	b.WriteString(st.Selected.Render(mark))
	b.WriteString(st.Text.Render(name))
	b.WriteString(st.Subtle.Render(tags))
	b.WriteString(st.Spark.Render(sparkCol))
	switch {
	case sum.Err != "":
		b.WriteString(st.Error.Render(sizeCol))
	case !sum.HasData:
		b.WriteString(st.Subtle.Render(sizeCol))
	default:
		b.WriteString(st.Text.Render(sizeCol))
	}
	if dayCol != "" {
		b.WriteString(st.change(v.daySign).Render(dayCol))
	}
	if v.untracked {
		b.WriteString(st.Subtle.Render(windowCol))
	} else {
		b.WriteString(st.change(v.sign).Render(windowCol))
	}
	// Every column was padded to its width: the line's width is their sum.
	if w := c.total(); w < m.width {
		b.WriteString(strings.Repeat(" ", m.width-w))
	}
	return b.String()
}

// paints are the list's styles, captured once a frame (see common.Paint).
type paints struct {
	Cursor, Selected, Text, Subtle, Spark, Error, Success, Fall common.Paint
}

func newPaints(st *themes.Styles) *paints {
	return &paints{Cursor: common.NewPaint(st.Cursor), Selected: common.NewPaint(st.Selected),
		Text: common.NewPaint(st.Text), Subtle: common.NewPaint(st.Subtle), Spark: common.NewPaint(st.Accent.UnsetBold()),
		Error: common.NewPaint(st.Error), Success: common.NewPaint(st.Success), Fall: common.NewPaint(st.Error.UnsetBold())}
}

// change is the paint of a change of sign: a rise, a fall, none.
func (p *paints) change(sign int) common.Paint {
	switch {
	case sign > 0:
		return p.Success
	case sign < 0:
		return p.Fall
	}
	return p.Subtle
}

// Status is a short description of the list for the status bar.
func (m *Model) Status() string {
	s := output.Plural(len(m.all), "segment", "segments")
	if m.filter != "" {
		s = fmt.Sprintf("%s of %s", output.Grouped(int64(len(m.view))), s)
	}
	return s
}
