package output

// This file draws segment size series as asciigraph line charts: one
// segment or several compared on one plot, absolute or indexed to 100.

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"github.com/segdash/segdash/client"
)

// Line is one series to draw.
type Line struct {
	Name   string
	Points []client.Point
	Color  asciigraph.AnsiColor
	// Background marks a line drawn for reference (a previous period): the
	// lines after it are drawn over it, and its days do not label the x
	// axis. Day i of every line sits at the same x position.
	Background bool
}

// ChartOptions shape a chart.
type ChartOptions struct {
	// Width and Height are the cells the chart may use, all lines included.
	Width, Height int
	// Normalise indexes every series to 100 at its first non-zero point.
	Normalise bool
	// Caption is written under the plot.
	Caption string
	// Color enables ANSI colours; without it the output is plain text.
	Color bool
	// AxisColor colours axes and labels when Color is set.
	AxisColor asciigraph.AnsiColor
	// NoLegend leaves out the legend under a compare chart, for a caller
	// that names the series itself (with LegendMarker), so it shows once.
	NoLegend bool
	// ShowCursor marks day Cursor of the x axis (markCursor); the day
	// index counts from the axis' first day.
	ShowCursor bool
	Cursor     int
}

// ChartMinWidth and ChartMinHeight are the smallest chart that still says something.
const (
	ChartMinWidth  = 20
	ChartMinHeight = 5
)

// Chart draws lines in at most o.Width × o.Height cells. Y labels sit at
// round 1-2-5 steps (see planYAxis), x ticks on whole days (dayTicks); a
// series that never changes is drawn flat with FlatNote under it. Without
// colour, compared series get distinct line styles (seriesGlyphs). It
// never panics on empty, flat, single-point or extreme series, and no
// output line is wider than o.Width.
func Chart(lines []Line, o ChartOptions) string {
	s, _ := ChartPlot(lines, o)
	return s
}

// ChartPlot is Chart, and where it drew the plot (a zero Plot when it drew
// nothing).
func ChartPlot(lines []Line, o ChartOptions) (string, Plot) {
	if o.Width < ChartMinWidth || o.Height < ChartMinHeight {
		return "", Plot{}
	}
	var data [][]float64
	var names []string
	var colors []asciigraph.AnsiColor
	days := axisDays(lines)
	for _, l := range lines {
		if len(l.Points) == 0 {
			continue
		}
		vals := make([]float64, len(l.Points))
		for i, p := range l.Points {
			vals[i] = float64(p.Size)
		}
		if o.Normalise {
			vals = normalise(vals)
		}
		data = append(data, vals)
		names = append(names, SafeText(l.Name))
		colors = append(colors, l.Color)
	}
	if len(data) == 0 {
		return "", Plot{}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range data {
		for _, v := range s {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 0) { // every value NaN (normalised all-zero series)
		lo, hi = 0, 0
	}
	caption := o.Caption
	if lo == hi {
		caption = strings.TrimPrefix(caption+" · "+FlatNote, " · ")
	}
	// Rows left for the plot: x axis (2 lines), caption, legend (2 lines).
	rows := o.Height - 2
	if caption != "" {
		rows--
	}
	if len(data) > 1 && !o.NoLegend {
		rows -= 2
	}
	axis := planYAxis(lo, hi, rows)
	for _, vals := range data {
		axis.shift(vals)
	}
	labelW := axis.width() + 1
	// 3 cells of axis, and 3 so that the last date label is not cut.
	plotW := o.Width - labelW - 6
	if plotW < 4 {
		return "", Plot{}
	}
	opts := []asciigraph.Option{
		asciigraph.Width(plotW),
		asciigraph.Height(axis.height),
		asciigraph.LowerBound(0), asciigraph.UpperBound(axis.hi - axis.lo),
		asciigraph.YAxisValueFormatter(axis.label),
	}
	own := ownXAxis(days)
	if !own {
		opts = append(opts, dayAxis(days, plotW)...)
	}
	if caption != "" && !own {
		opts = append(opts, asciigraph.Caption(caption))
	}
	axisColor := asciigraph.Default
	legend := len(data) > 1 && !o.NoLegend
	if o.Color {
		opts = append(opts, asciigraph.SeriesColors(colors...))
		if o.AxisColor != asciigraph.Default {
			axisColor = o.AxisColor
			opts = append(opts, asciigraph.AxisColor(o.AxisColor), asciigraph.LabelColor(o.AxisColor))
		}
	} else if len(data) > 1 {
		glyphs := make([]asciigraph.CharSet, len(data))
		for i := range glyphs {
			glyphs[i] = seriesGlyphs(i)
		}
		opts = append(opts, asciigraph.SeriesChars(glyphs...))
	}
	out := asciigraph.PlotMany(data, opts...)
	first, _, _ := strings.Cut(out, "\n")
	lead := axisColumn(first) + 1
	plot := Plot{Left: lead, Width: plotW, Rows: axis.height + 1, Days: len(days)}
	if own {
		out += "\n" + drawXAxis(planXTicks(days, plotW), lead, plotW, o.Width, axisColor)
		if caption != "" {
			out += "\n" + strings.Repeat(" ", lead+max(0, (plotW-Width(caption))/2)) + caption
		}
	}
	if !o.Color {
		out = ansi.Strip(out)
	}
	if legend {
		// Our own legend: asciigraph's marks every series "■" alike.
		lead := axis.width() + 3
		line := legendLine(names, colors, o.Color, o.Width-lead)
		sep := "\n\n"
		if strings.Count(out, "\n")+3 > o.Height {
			sep = "\n" // no room for the blank line: the legend, not the blank, stays
		}
		out += sep + strings.Repeat(" ", lead+max(0, (plotW-Width(line))/2)) + line
	}
	// Enforce the box: asciigraph may exceed it for long labels or legends.
	ls := strings.Split(out, "\n")
	if o.ShowCursor {
		markCursor(ls, o.Cursor, len(days), lead, plotW)
	}
	if len(ls) > o.Height {
		ls = ls[:o.Height]
	}
	for i, l := range ls {
		if Width(l) > o.Width {
			ls[i] = ansi.Truncate(l, o.Width, "")
		}
	}
	return strings.Join(ls, "\n"), plot
}

// axisDays are the days that label the x axis: those of the longest line
// (the first of equals) not drawn in the background, else of the longest.
func axisDays(lines []Line) []client.Date {
	var pick []client.Point
	for _, bg := range []bool{false, true} {
		for _, l := range lines {
			if l.Background == bg && len(l.Points) > len(pick) {
				pick = l.Points
			}
		}
		if len(pick) > 0 {
			break
		}
	}
	days := make([]client.Date, len(pick))
	for i, p := range pick {
		days[i] = p.Day
	}
	return days
}

// dayAxis is asciigraph's x axis over days: ticks on whole days (dayTicks)
// labelled "Jan 02".
func dayAxis(days []client.Date, plotW int) []asciigraph.Option {
	return []asciigraph.Option{
		asciigraph.XAxisRange(0, float64(len(days)-1)),
		asciigraph.XAxisTickCount(dayTicks(len(days), plotW)),
		asciigraph.XAxisValueFormatter(func(v float64) string {
			i := int(math.Round(v))
			if i < 0 || i >= len(days) {
				return ""
			}
			return days[i].Time().Format("Jan 02")
		}),
	}
}

// IndexAt is point day of pts indexed to 100 at the first non-zero point,
// as a chart with Normalise draws it: "103.2", or "—" before the first
// non-zero point or outside pts.
func IndexAt(pts []client.Point, day int) string {
	if day < 0 || day >= len(pts) {
		return "—"
	}
	vals := make([]float64, day+1)
	for i := range vals {
		vals[i] = float64(pts[i].Size)
	}
	v := normalise(vals)[day]
	if math.IsNaN(v) {
		return "—"
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// normalise indexes vals to 100 at the first non-zero value; values before
// it are NaN (not drawn), and an all-zero series is all NaN.
func normalise(vals []float64) []float64 {
	out := make([]float64, len(vals))
	base := 0.0
	for i, v := range vals {
		if base == 0 && v != 0 {
			base = v
		}
		if base == 0 {
			out[i] = math.NaN()
			continue
		}
		out[i] = v / base * 100
	}
	return out
}
