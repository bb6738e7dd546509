package chartpane

import (
	"fmt"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
	"github.com/segdash/segdash/ui/series"
)

// entry is one series of a comparison: its legend name, segment and state.
type entry struct {
	name  string
	seg   client.Segment
	state *series.State
}

// entries are the compared series: the charted segments among the guests;
// when guests are charted every name says its workspace ("eu · VIP").
func (m *Model) entries(in Input) []entry {
	out := make([]entry, 0, len(in.Segments)+len(in.Guests))
	named := func(ws, name string) string {
		if len(in.Guests) == 0 {
			return name
		}
		return ws + " · " + name
	}
	guests := func(gs []Guest) {
		for _, g := range gs {
			out = append(out, entry{named(g.Workspace, g.Segment.Name), g.Segment, g.State})
		}
	}
	before := min(max(in.Before, 0), len(in.Guests))
	guests(in.Guests[:before])
	for _, seg := range in.Segments {
		out = append(out, entry{named(in.Workspace, seg.Name), seg, m.store.Get(seg.ID)})
	}
	guests(in.Guests[before:])
	return out
}

// workspacesOf counts the workspaces of a comparison.
func workspacesOf(in Input) int {
	seen := map[string]bool{}
	if len(in.Segments) > 0 {
		seen[in.Workspace] = true
	}
	for _, g := range in.Guests {
		seen[g.Workspace] = true
	}
	return len(seen)
}

// compareChart draws several series on one chart, with a legend line per
// series when there is room.
func (m *Model) compareChart(segs []entry, in Input, w, h int) []string {
	st := m.c.Styles
	mode := "absolute sizes (n: indexed)"
	if m.normal {
		mode = "indexed to 100 at the window's start (n: absolute)"
	}
	title := fmt.Sprintf("comparing %d segments", len(segs))
	if n := workspacesOf(in); n > 1 {
		title += fmt.Sprintf(" of %d workspaces", n)
	}
	out := []string{" " + st.Title.Render(title) + st.Subtle.Render("  "+mode)}
	for _, p := range in.Problems {
		for _, l := range common.Wrap("! watchlist "+output.SafeText(in.Watch)+": "+p, w-2) {
			out = append(out, " "+st.Warning.Render(l))
		}
	}
	var lines []output.Line
	var states []*series.State
	var all []*client.Series
	for _, e := range segs {
		if e.state != nil {
			all = append(all, e.state.Series)
		}
	}
	start, note := dataStart(all...), ""
	rows, listed := legendRows(len(segs), h)
	drawn := make([]int, len(segs)) // each entry's line, -1 for none
	for i, e := range segs {
		states = append(states, e.state)
		drawn[i] = -1
		if Untracked(e.seg, e.state) || e.state == nil || e.state.Series == nil || len(e.state.Series.Points) == 0 {
			// Zeros from an API that answers for untracked segments are
			// not sizes: not drawn, as on the chart of one.
			continue
		}
		if note == "" {
			note = startNote(e.state.Series.Points, start)
		}
		drawn[i] = len(lines)
		lines = append(lines, output.Line{Name: e.name, Points: from(e.state.Series.Points, start), Color: common.ChartColor(st.Theme.Series, i)})
	}
	// Cut to the days every line has before the legend reads them: its
	// sizes are of days the chart draws.
	lines, days := commonDays(lines)
	for i, e := range segs {
		state := e.state
		status := "loading…"
		switch {
		case drawn[i] >= 0:
			pts := lines[drawn[i]].Points
			last := pts[len(pts)-1].Size
			status = fmt.Sprintf("%7s  %s", output.HumanCount(last), output.ChangeOf(client.WithData(pts)[0].Size, last))
			if state.Err != nil {
				status += "  ! " + common.ShortError(state.Err)
			}
		case Untracked(e.seg, state) && (state == nil || !state.Loading):
			status = "untracked: no history in Braze"
		case state != nil && state.Err != nil:
			status = "! " + common.ShortError(state.Err)
		}
		if i < listed {
			mark := output.LegendMarker(i, common.ChartColor(st.Theme.Series, i), !st.Theme.Mono)
			out = append(out, output.Truncate(" "+mark+" "+output.PadRight(output.SafeText(e.name), max(8, w/2-4))+" "+status, w))
		} else if i == listed && listed < len(segs) && rows > 0 {
			out = append(out, st.Subtle.Render(fmt.Sprintf("   … and %d more", len(segs)-listed)))
		}
	}
	// The chart's own legend (when the pane lists no names) needs its two
	// rows: a note gives way to it.
	room := output.ChartMinHeight
	if rows == 0 && len(lines) > 1 {
		room += 2
	}
	for _, n := range []string{note, days} {
		if n != "" && h-len(out)-2 >= room {
			out = append(out, " "+st.Subtle.Render(output.Truncate(n, w-2)))
		}
	}
	cursorAt, showCursor := m.cursorDay(longest(lines))
	if showCursor {
		for _, l := range compareReadout(lines, cursorAt, !st.Theme.Mono, m.normal, w-2) {
			out = append(out, " "+l)
		}
	}
	chartH := h - len(out) - 1
	c, plot := output.ChartPlot(lines, output.ChartOptions{Width: w - 1, Height: chartH, Normalise: m.normal,
		Color: !st.Theme.Mono, AxisColor: st.Theme.Axis, NoLegend: rows > 0, ShowCursor: showCursor, Cursor: cursorAt})
	m.plot = PlotArea{Plot: plot, Top: len(out), Margin: 1}
	out = append(out, m.plotted(c)...)
	for len(out) < h-1 {
		out = append(out, "")
	}
	return append(out, m.footer(worstState(states)))
}

// legendRows is how many lines of the pane name the compared series: all
// of them when they fit (rows == n); else, for up to four, none (the
// chart's own legend line names them); else as many as fit, the last line
// saying how many more (listed of them named).
func legendRows(n, h int) (rows, listed int) {
	rows = min(n, max(0, (h-12)/2))
	switch {
	case rows == n:
		return rows, rows
	case n <= 4 || rows < 3:
		return 0, 0
	}
	return rows, rows - 1
}

// commonDays cuts compared lines to the days all of them have: lines are
// drawn by position, so a series whose newest day is a day older (a
// workspace that lags, an answer fetched before midnight) would otherwise
// show its values under the wrong dates. It says so when it cut any.
func commonDays(lines []output.Line) ([]output.Line, string) {
	if len(lines) < 2 {
		return lines, ""
	}
	var lo, hi client.Date
	for i, l := range lines {
		f, t := l.Points[0].Day, l.Points[len(l.Points)-1].Day
		if i == 0 || lo.Before(f) {
			lo = f
		}
		if i == 0 || t.Before(hi) {
			hi = t
		}
	}
	if hi.Before(lo) {
		return lines, "these series have no day in common: each is drawn from the left edge"
	}
	cut := false
	for _, l := range lines {
		cut = cut || l.Points[0].Day.Before(lo) || hi.Before(l.Points[len(l.Points)-1].Day)
	}
	if !cut {
		return lines, "" // every frame of an ordinary comparison: no copy
	}
	out := make([]output.Line, len(lines))
	for i, l := range lines {
		// Points are in day order (the client sorts them): the days
		// kept are one run of them.
		a := 0
		for a < len(l.Points) && l.Points[a].Day.Before(lo) {
			a++
		}
		b := len(l.Points)
		for b > a && hi.Before(l.Points[b-1].Day) {
			b--
		}
		out[i] = l
		out[i].Points = l.Points[a:b]
	}
	return out, fmt.Sprintf("showing %s – %s, the days every series has", lo.Time().Format("Jan 02"), hi.Time().Format("Jan 02"))
}
