package segmentlist

import (
	"fmt"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// columns decides which columns fit in the width.
type columns struct {
	name, tags, spark, size, change int
}

func (m *Model) layout() columns {
	c := columns{size: 7, change: 8}
	rest := m.width - 3 - c.size - c.change - 2 // mark, gaps
	switch {
	case rest >= 70:
		c.tags, c.spark = 16, 20
	case rest >= 46:
		c.spark = 14
		c.tags = 10
	case rest >= 30:
		c.spark = 10
	case rest >= 24:
		c.spark = 7
	}
	gaps := 0
	if c.tags > 0 {
		gaps++
	}
	if c.spark > 0 {
		gaps++
	}
	c.name = max(4, rest-c.tags-c.spark-gaps)
	return c
}

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

// Header is the line of column names.
func (m *Model) Header() string {
	c := m.layout()
	head := "   " + output.PadRight("NAME", c.name)
	if c.tags > 0 {
		head += " " + output.PadRight("TAGS", c.tags)
	}
	if c.spark > 0 {
		head += " " + output.PadRight("TREND", c.spark)
	}
	head += " " + output.PadLeft("SIZE", c.size) + " " + output.PadLeft("CHANGE", c.change)
	return m.c.Styles.Header.Render(output.PadRight(head, m.width))
}

func (m *Model) row(s client.Segment, c columns, st *paints, isCursor bool) string {
	sum := m.sums[s.ID]
	// A segment without tracking has no history, unless it has data after
	// all (zeros mode).
	untracked := !s.AnalyticsTrackingEnabled && !sum.HasData
	// The mark column works without colour too: › cursor, ● selected.
	mark := " "
	if isCursor {
		mark = "›"
	}
	if m.IsSelected(s.ID) {
		mark += "● "
	} else {
		mark += "  "
	}
	name := output.PadRight(output.SafeText(s.Name), c.name)
	tags := ""
	if c.tags > 0 {
		tags = " " + output.PadRight(output.SafeText(strings.Join(s.Tags, ",")), c.tags)
	}
	spark, size, change := "", "", ""
	switch {
	case untracked:
		size, change = "untracked", ""
	case sum.Err != "" && !sum.HasData:
		size, change = "! error", ""
	case sum.HasData:
		size = output.HumanCount(sum.Latest)
		change = sum.Change.PctString()
		if c.spark > 0 {
			spark = output.Sparkline(sum.Values, c.spark)
		}
	case sum.Loading:
		size = "…"
	}
	if sum.HasData && (sum.Stale || sum.Err != "") {
		size = "!" + size
	}
	sparkCol := ""
	if c.spark > 0 {
		sparkCol = " " + output.PadRight(spark, c.spark)
	}
	sizeCol := " " + output.PadLeft(size, c.size)
	if untracked {
		sizeCol = " " + output.PadLeft(size, c.size+c.change+1)
		change = ""
	}
	changeCol := ""
	if !untracked {
		changeCol = " " + output.PadLeft(change, c.change)
	}
	if isCursor {
		line := output.PadRight(mark+name+tags+sparkCol+sizeCol+changeCol, m.width)
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
	case untracked:
		b.WriteString(st.Subtle.Render(sizeCol))
	default:
		b.WriteString(st.Text.Render(sizeCol))
	}
	switch {
	case sum.Change.Abs > 0:
		b.WriteString(st.Success.Render(changeCol))
	case sum.Change.Abs < 0:
		b.WriteString(st.Fall.Render(changeCol))
	default:
		b.WriteString(st.Subtle.Render(changeCol))
	}
	// Every column was padded to its width: the line's width is their sum.
	if w := c.total(); w < m.width {
		b.WriteString(strings.Repeat(" ", m.width-w))
	}
	return b.String()
}

// total is the cells a row's columns take, mark and gaps included.
func (c columns) total() int {
	w := 3 + c.name + 1 + c.size + 1 + c.change
	if c.tags > 0 {
		w += 1 + c.tags
	}
	if c.spark > 0 {
		w += 1 + c.spark
	}
	return w
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

// Status is a short description of the list for the status bar.
func (m *Model) Status() string {
	s := fmt.Sprintf("%s segments", output.Grouped(int64(len(m.all))))
	if m.filter != "" {
		s = fmt.Sprintf("%s of %s", output.Grouped(int64(len(m.view))), s)
	}
	return s
}
