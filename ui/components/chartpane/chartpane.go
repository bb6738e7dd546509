// Package chartpane is the dashboard's chart pane: the chart of the focused
// segment with its numbers, or a comparison of the selected ones, with a
// footer saying how fresh the data is. It reads the series store and owns
// the chart's modes (indexed, focus on one).
package chartpane

import (
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
	"github.com/segdash/segdash/ui/series"
)

// Model is the chart pane's state.
type Model struct {
	c       *common.Common
	keys    KeyMap
	store   *series.Store
	offline bool
	normal  bool // indexed to 100 at the window's start
	solo    bool // the cursor's segment alone, even with a selection
	w, h    int
	in      Input // what to chart, given before View
	cur     cursor
	// plot is where the last frame drew the chart: a memo of View, read
	// by Click to map a mouse cell back to a day.
	plot PlotArea
}

// New returns a chart pane drawing from store; an offline one says so where
// data is missing.
func New(c *common.Common, store *series.Store, offline bool) *Model {
	return &Model{c: c, keys: KeyMapOf(c.Keys), store: store, offline: offline}
}

// SetSize sets the pane's cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Normal reports whether the chart is indexed to 100 at the window's start.
func (m *Model) Normal() bool { return m.normal }

// ToggleNormal switches between absolute sizes and indexed ones.
func (m *Model) ToggleNormal() { m.normal = !m.normal }

// Solo reports whether the chart shows the cursor's segment alone.
func (m *Model) Solo() bool { return m.solo }

// SetSolo turns focus on one segment on or off.
func (m *Model) SetSolo(on bool) { m.solo = on }

// Charted are the segments the chart shows: the selection, or the cursor's
// segment when nothing is selected or in focus mode.
func (m *Model) Charted(selected []client.Segment, cursor client.Segment, ok bool) []client.Segment {
	if len(selected) > 0 && !m.solo {
		return selected
	}
	if ok {
		return []client.Segment{cursor}
	}
	return nil
}

// Input is what the pane draws besides the store's data.
type Input struct {
	Segments []client.Segment // charted
	Waiting  bool             // the segment list is not known yet
	Watch    string           // the watchlist shown
	Problems []string         // its entries that match no segment
	// Guests are other workspaces' selected series, charted beside
	// Segments; Workspace names the workspace of Segments in the legend.
	Guests    []Guest
	Workspace string
	// Before is how many guests come before Segments: the lines keep
	// the workspaces' order, and so their colours, whichever is on screen.
	Before int
}

// Guest is a series another workspace's dashboard lends the chart: a
// segment of its selection, and its state in this chart's window.
type Guest struct {
	Workspace string
	Segment   client.Segment
	State     *series.State // nil: not asked yet
}

// SetInput gives what to chart besides the store: the root's view of the
// list, the selection and the other workspaces, before View.
func (m *Model) SetInput(in Input) { m.in = in }

// View draws the pane in exactly its size.
func (m *Model) View() string {
	return common.Block(m.lines(m.in), m.w, m.h)
}

func (m *Model) lines(in Input) []string {
	m.plot = PlotArea{}
	st := m.c.Styles
	w, h := m.w, m.h
	if w <= 0 || h <= 0 {
		return nil
	}
	segs := in.Segments
	if len(segs)+len(in.Guests) == 0 {
		if in.Waiting {
			return []string{st.Subtle.Render(" waiting for the segment list…")}
		}
		return []string{st.Subtle.Render(" nothing to chart")}
	}
	if len(segs) == 1 && len(in.Guests) == 0 {
		return m.singleChart(segs[0], w, h)
	}
	return m.compareChart(m.entries(in), in, w, h)
}

func (m *Model) singleChart(seg client.Segment, w, h int) []string {
	st := m.c.Styles
	state := m.store.Get(seg.ID)
	name := output.SafeText(seg.Name)
	title := " " + st.Title.Render(output.Truncate(name, w-2))
	if rest := w - 3 - output.Width(name) - len(seg.ID); rest > 0 {
		title += "  " + st.Subtle.Render(output.SafeText(seg.ID))
	}
	out := []string{title}
	untracked := Untracked(seg, state)
	var cursorAt int
	var showCursor bool
	hasPoints := state != nil && state.Series != nil && len(state.Series.Points) > 0
	if untracked && hasPoints {
		// Zeros from an API that answers for untracked segments are no
		// sizes: say so, and show no number, line or axis made of them.
		out = append(out, "")
		out = append(out, wrapIn(st.Warning, trackingZeros, w)...)
		return append(out, wrapIn(st.Subtle, trackingHowTo, w)...)
	}
	if !hasPoints {
		switch {
		case untracked && (state == nil || !state.Loading):
			out = append(out, "")
			out = append(out, wrapIn(st.Warning, trackingOff, w)...)
			out = append(out, wrapIn(st.Subtle, trackingHowTo, w)...)
		case state != nil && state.Err != nil:
			out = append(out, "")
			out = append(out, wrapIn(st.Error, "could not load this segment's sizes: "+common.ShortError(state.Err), w)...)
			if hint := hintOf(state.Err); hint != "" {
				out = append(out, wrapIn(st.Text, hint, w)...)
			}
			out = append(out, "", st.Subtle.Render(" retrying on the next refresh; r retries now"))
		case m.offline:
			out = append(out, "", st.Subtle.Render(" offline: the last run saved no data for this segment"))
		case state != nil && state.Series != nil:
			out = append(out, "", st.Subtle.Render(" no data in this window"))
		default:
			out = append(out, "", st.Subtle.Render(" loading sizes…"))
		}
		return out
	}
	start := dataStart(state.Series)
	note := startNote(state.Series.Points, start)
	pts := from(state.Series.Points, start)
	prev := m.previousOf(seg, state.Series, start)
	if cursorAt, showCursor = m.cursorDay(len(pts)); showCursor {
		readings := []string{readingOf(pts, cursorAt, m.normal)}
		if prev.ok {
			readings = append(readings, prev.reading(cursorAt))
		}
		for _, l := range readout(dayLabel(pts, cursorAt), readings, w-2) {
			out = append(out, " "+st.Text.Render(l))
		}
	}
	stats := statLines(pts, w-1, prev.stat())
	if h-len(out)-len(stats)-1 < output.ChartMinHeight {
		stats = stats[:1] // a short pane keeps the latest numbers and the chart
	}
	if h-len(out)-len(stats)-1 < output.ChartMinHeight && showCursor {
		stats = nil // the day cursor's readout says that day's numbers: the chart it points at stays
	}
	for _, l := range stats {
		out = append(out, " "+st.Text.Render(l))
	}
	if note != "" && h-len(out)-2 >= output.ChartMinHeight {
		out = append(out, " "+st.Subtle.Render(output.Truncate(note, w-2)))
	}
	footer := m.footer(state)
	chartH := h - len(out) - 1
	caption := captionFor(output.Truncate(name, max(8, w/3)), m.store.Label(), m.normal, w)
	color := !st.Theme.Mono
	series := st.Theme.Series
	lineColor := common.ChartColor(series, 0)
	lines := []output.Line{{Name: seg.Name, Points: pts, Color: lineColor}}
	if prev.ok {
		lines = append([]output.Line{prev.line}, lines...)
	}
	c, plot := output.ChartPlot(lines,
		output.ChartOptions{Width: w - 1, Height: chartH, Normalise: m.normal, Caption: caption, Color: color, AxisColor: st.Theme.Axis,
			ShowCursor: showCursor, Cursor: cursorAt})
	m.plot = PlotArea{Plot: plot, Top: len(out), Margin: 1}
	out = append(out, m.plotted(c)...)
	for len(out) < h-1 {
		out = append(out, "")
	}
	return append(out, footer)
}

// plotted are the chart's lines under a one-cell margin, or a word where
// the pane is too small for a chart: never a blank area.
func (m *Model) plotted(chart string) []string {
	if chart == "" {
		return []string{m.c.Styles.Subtle.Render(" (no room for the chart here: a larger terminal shows it)")}
	}
	var out []string
	for l := range strings.SplitSeq(chart, "\n") {
		out = append(out, " "+l)
	}
	return out
}

// footer says how fresh the pane's data is.
func (m *Model) footer(s *series.State) string {
	st := m.c.Styles
	if s == nil {
		return ""
	}
	if s.Err != nil && s.Series != nil && len(s.Series.Points) > 0 {
		return st.Error.UnsetBold().Render(" ! " + common.ShortError(s.Err) + " · showing the last good data")
	}
	var parts []string
	if !s.Fetched.IsZero() {
		parts = append(parts, "fetched "+common.Ago(m.c.Now().Sub(s.Fetched)))
	}
	if s.FromDisk {
		parts = append(parts, "saved by the last run")
	}
	if s.Loading {
		parts = append(parts, "refreshing…")
	}
	return st.Subtle.Render(" " + strings.Join(parts, " · "))
}

// captionRoom is what the chart's axis labels and margins take from the
// pane's width under the plot, where the caption is centred.
const captionRoom = 16

// captionFor is the chart's caption, shortened by meaning to fit a pane
// of w cells: the name, what is drawn and the window; then what is drawn
// (the pane's title names the segment); then the window alone. It is
// never cut mid-word.
func captionFor(name, window string, normal bool, w int) string {
	what := "estimated daily size, " + window
	if normal {
		what = "indexed to 100 at the window's start, " + window
	}
	options := []string{name + " · " + what, what, window}
	for _, c := range options {
		if output.Width(c) <= w-captionRoom {
			return c
		}
	}
	return options[len(options)-1]
}
