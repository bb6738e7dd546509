package chartpane

import (
	"fmt"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// previous is the previous period of one segment's chart, when shown.
type previous struct {
	line output.Line       // dimmer, behind the window's line
	cmp  output.Comparison // the average daily size against the window's
	ok   bool              // loaded: line and cmp hold it
	note string            // what the stats say instead: loading, failed
}

// previousOf is the previous period of seg (store.PreviousKey) beside the
// window cur, cut at start as the window is so that day i of both sits at
// the same x, with the comparison `check --compare previous` makes
// (output.Result.Compare: the periods' average daily sizes).
func (m *Model) previousOf(seg client.Segment, cur *client.Series, start int) previous {
	if !m.store.Previous() {
		return previous{}
	}
	label := fmt.Sprintf("vs previous %d days: ", m.store.Length())
	st := m.store.GetPrevious(seg.ID, m.c.Now())
	switch {
	case st != nil && st.Series != nil && len(st.Series.Points) > 0:
		cmp, ok := output.Result{Points: cur.Points, Previous: st.Series.Points}.Compare()
		if !ok {
			return previous{note: label + "no data"}
		}
		return previous{ok: true, cmp: cmp, line: output.Line{Name: cmp.Label(), Points: from(st.Series.Points, start),
			Color: m.c.Styles.Theme.Axis, Background: true}}
	case st != nil && st.Err != nil && !st.Loading:
		return previous{note: label + "! " + common.ShortError(st.Err)}
	}
	return previous{note: label + "loading…"}
}

// stat is the stats line's field for the previous period, "" when hidden.
func (p previous) stat() string {
	if p.ok {
		return p.cmp.String()
	}
	return p.note
}

// reading is the previous period's size on the cursor's day: "previous
// Oct 19 2026: 320,298".
func (p previous) reading(day int) string {
	pts := p.line.Points
	if day < 0 || day >= len(pts) {
		return "previous —"
	}
	return "previous " + pts[day].Day.Time().Format("Jan 02 2006") + ": " + output.Grouped(pts[day].Size)
}
