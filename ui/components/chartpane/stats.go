package chartpane

import (
	"fmt"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
	"github.com/segdash/segdash/ui/series"
)

// statLines are the numbers under the title: latest, day change, window
// change, min, max, average, then extra (the previous period); wrapped to width.
func statLines(pts []client.Point, width int, extra ...string) []string {
	last := pts[len(pts)-1]
	sizes := make([]int64, len(pts))
	for i, p := range pts {
		sizes[i] = p.Size
	}
	lo, hi, avg := output.MinMaxAvg(sizes)
	fields := []string{fmt.Sprintf("latest %s (%s)", output.Grouped(last.Size), last.Day.Time().Format("Jan 02"))}
	if len(pts) > 1 {
		fields = append(fields, "day "+output.ChangeOf(pts[len(pts)-2].Size, last.Size).String())
		fields = append(fields, fmt.Sprintf("%dd %s", len(pts), output.ChangeOf(pts[0].Size, last.Size)))
	}
	fields = append(fields, "min "+lo, "max "+hi, "avg "+avg)
	for _, f := range extra {
		if f != "" {
			fields = append(fields, f)
		}
	}
	var out []string
	cur := ""
	for _, f := range fields {
		switch {
		case cur == "":
			cur = f
		case output.Width(cur)+3+output.Width(f) <= width:
			cur += " · " + f
		default:
			out = append(out, cur)
			cur = f
		}
	}
	return append(out, cur)
}

// worstState is the state the footer of a comparison speaks for: a failed
// one first, then one still loading, then any.
func worstState(states []*series.State) *series.State {
	var worst *series.State
	rank := func(s *series.State) int {
		switch {
		case s == nil:
			return -1
		case s.Err != nil:
			return 2
		case s.Loading:
			return 1
		}
		return 0
	}
	for _, s := range states {
		if rank(s) > rank(worst) {
			worst = s
		}
	}
	return worst
}
