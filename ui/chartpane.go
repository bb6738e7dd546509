package ui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/components/details"
	"github.com/segdash/segdash/ui/output"
)

// chartPane draws the right (or lower) pane: the chart of the focused or
// selected segments with their stats, or the details view.
func (m *Model) chartPane(w, h int) []string {
	st := m.styles
	if w <= 0 || h <= 0 {
		return nil
	}
	if m.details != nil {
		seg, _ := m.list.Lookup(m.details.id)
		return details.View(seg, m.details.details, m.details.err, st, w, h)
	}
	segs := m.chartSegments()
	if len(segs) == 0 {
		if m.listing || !m.listLoaded {
			return []string{st.Subtle.Render(" waiting for the segment list…")}
		}
		return []string{st.Subtle.Render(" nothing to chart")}
	}
	if len(segs) == 1 {
		return m.singleChart(segs[0], w, h)
	}
	return m.compareChart(segs, w, h)
}

func (m *Model) singleChart(seg client.Segment, w, h int) []string {
	st := m.styles
	state := m.series[m.keyFor(seg.ID)]
	name := output.SafeText(seg.Name)
	title := " " + st.Title.Render(output.Truncate(name, w-2))
	if rest := w - 3 - output.Width(name) - len(seg.ID); rest > 0 {
		title += "  " + st.Subtle.Render(output.SafeText(seg.ID))
	}
	out := []string{title}
	if state == nil || state.series == nil || len(state.series.Points) == 0 {
		switch {
		case state != nil && state.err != nil:
			out = append(out, "", " "+st.Error.Render("could not load this segment's sizes"))
			for _, l := range output.Wrap(output.SafeText(state.err.Error()), w-2) {
				out = append(out, " "+l)
			}
			out = append(out, "", st.Subtle.Render(" retrying on the next refresh; r retries now"))
		case m.opts.Offline:
			out = append(out, "", st.Subtle.Render(" offline: the last run saved no data for this segment"))
		case !seg.AnalyticsTrackingEnabled && (state == nil || !state.loading):
			out = append(out, "", st.Subtle.Render(" analytics tracking is off for this segment:"),
				st.Subtle.Render(" Braze keeps no size history for it"))
		case state != nil && state.series != nil:
			out = append(out, "", st.Subtle.Render(" no data in this window"))
		default:
			out = append(out, "", st.Subtle.Render(" loading sizes…"))
		}
		return out
	}
	pts := state.series.Points
	for _, l := range statLines(pts, w-1) {
		out = append(out, " "+st.Text.Render(l))
	}
	footer := m.footer(state)
	chartH := h - len(out) - 1
	caption := fmt.Sprintf("%s · estimated daily size, %s", output.Truncate(name, max(8, w/3)), m.windowLabel())
	if m.normal {
		caption = output.Truncate(name, max(8, w/3)) + " · indexed to 100 at the window's start"
	}
	color := !st.Theme.Mono
	series := st.Theme.Series
	lineColor := chartColor(series, 0)
	c := output.Chart([]output.Line{{Name: seg.Name, Points: pts, Color: lineColor}},
		output.ChartOptions{Width: w - 1, Height: chartH, Normalise: m.normal, Caption: caption, Color: color, AxisColor: st.Theme.Axis})
	for _, l := range strings.Split(c, "\n") {
		out = append(out, " "+l)
	}
	for len(out) < h-1 {
		out = append(out, "")
	}
	return append(out, footer)
}

func (m *Model) compareChart(segs []client.Segment, w, h int) []string {
	st := m.styles
	mode := "absolute sizes (n: indexed)"
	if m.normal {
		mode = "indexed to 100 at the window's start (n: absolute)"
	}
	out := []string{" " + st.Title.Render(fmt.Sprintf("comparing %d segments", len(segs))) + st.Subtle.Render("  "+mode)}
	for _, p := range m.watchProblems {
		for _, l := range output.Wrap("! watchlist "+output.SafeText(m.watch)+": "+p, w-2) {
			out = append(out, " "+st.Warning.Render(l))
		}
	}
	var lines []output.Line
	var states []*seriesState
	rows := min(len(segs), max(0, (h-12)/2))
	if rows < len(segs) {
		rows = 0 // the chart's own legend names them all, once
	}
	for i, seg := range segs {
		state := m.series[m.keyFor(seg.ID)]
		states = append(states, state)
		c := chartColor(st.Theme.Series, i)
		status := "loading…"
		if state != nil && state.series != nil && len(state.series.Points) > 0 {
			pts := state.series.Points
			lines = append(lines, output.Line{Name: seg.Name, Points: pts, Color: c})
			last := pts[len(pts)-1].Size
			status = fmt.Sprintf("%7s  %s", output.HumanCount(last), output.ChangeOf(pts[0].Size, last))
		} else if state != nil && state.err != nil {
			status = "! " + shortError(state.err)
		} else if !seg.AnalyticsTrackingEnabled && (state == nil || !state.loading) {
			status = "untracked"
		}
		if i < rows {
			mark := output.LegendMarker(i, c, !st.Theme.Mono)
			out = append(out, " "+mark+" "+output.PadRight(output.SafeText(seg.Name), max(8, w/2-4))+" "+status)
		} else if i == rows && rows > 0 {
			out = append(out, st.Subtle.Render(fmt.Sprintf("   … and %d more", len(segs)-rows)))
		}
	}
	chartH := h - len(out) - 1
	c := output.Chart(lines, output.ChartOptions{Width: w - 1, Height: chartH, Normalise: m.normal,
		Color: !st.Theme.Mono, AxisColor: st.Theme.Axis, NoLegend: rows > 0})
	for _, l := range strings.Split(c, "\n") {
		out = append(out, " "+l)
	}
	for len(out) < h-1 {
		out = append(out, "")
	}
	return append(out, m.footer(worstState(states)))
}

// footer says how fresh the pane's data is.
func (m *Model) footer(s *seriesState) string {
	st := m.styles
	if s == nil {
		return ""
	}
	if s.err != nil {
		return st.Error.UnsetBold().Render(" ! " + shortError(s.err) + " · showing the last good data")
	}
	var parts []string
	if !s.fetched.IsZero() {
		parts = append(parts, "fetched "+ago(m.now().Sub(s.fetched)))
	}
	if s.fromDisk {
		parts = append(parts, "saved by the last run")
	}
	if s.loading {
		parts = append(parts, "refreshing…")
	}
	return st.Subtle.Render(" " + strings.Join(parts, " · "))
}

// statLines are the numbers under the title: latest, day change, window
// change, min, max, average; wrapped to width.
func statLines(pts []client.Point, width int) []string {
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

// shortError is an error as one pane line shows it: Braze's own message and
// the status first, the endpoint and hints left for the full view.
func shortError(err error) string {
	var ce *client.Error
	if errors.As(err, &ce) {
		msg := ce.Message
		if msg == "" && ce.Err != nil {
			msg = ce.Err.Error()
		}
		kind := ce.Kind.Error()
		if ce.StatusCode != 0 {
			kind = fmt.Sprintf("HTTP %d", ce.StatusCode)
		}
		if msg == "" {
			return output.SafeText(kind)
		}
		return output.SafeText(msg + " (" + kind + ")")
	}
	return output.SafeText(err.Error())
}

// worstState is the state the footer of a comparison speaks for: a failed
// one first, then one still loading, then any.
func worstState(states []*seriesState) *seriesState {
	var worst *seriesState
	rank := func(s *seriesState) int {
		switch {
		case s == nil:
			return -1
		case s.err != nil:
			return 2
		case s.loading:
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
