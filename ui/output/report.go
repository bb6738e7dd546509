package output

// This file writes the results of `segdash check` in each of its formats.
// The writers take plain data (Result) so the CLI, the SSH server and the
// dashboard share them; the caller decides colour with ColorProfile.

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/monitor"
)

// Result is one checked segment: its series and the thresholds it broke.
type Result struct {
	// Workspace is the workspace's name ("" for the unnamed one).
	Workspace string
	Segment   client.Segment
	// Points are the daily sizes, oldest first.
	Points []client.Point
	// Length is the number of days asked for.
	Length int
	// Warnings are non-fatal messages that came with the series.
	Warnings []string
	// Breaches describe the thresholds broken, one sentence each.
	Breaches []string
	// Alerts are the same breaches as scan names them (rule, reason,
	// severity).
	Alerts []monitor.Alert
	// Previous are the previous period's daily sizes (same length, ending
	// where Points start), oldest first; nil when not compared.
	Previous []client.Point
}

// Latest returns the newest point and whether there is one.
func (r Result) Latest() (client.Point, bool) {
	if len(r.Points) == 0 {
		return client.Point{}, false
	}
	return r.Points[len(r.Points)-1], true
}

// Change is the change from the first point with data (client.WithData:
// not the zeros before a segment existed) to the latest.
func (r Result) Change() (Change, bool) {
	latest, ok := r.Latest()
	if !ok {
		return Change{}, false
	}
	return ChangeOf(client.WithData(r.Points)[0].Size, latest.Size), true
}

// sizes returns the sizes of r's points.
func (r Result) sizes() []int64 {
	out := make([]int64, len(r.Points))
	for i, p := range r.Points {
		out[i] = p.Size
	}
	return out
}

// title is the name to print for r: its name made safe, or its id.
func (r Result) title() string { return segmentTitle(r.Segment) }

// segmentTitle is a segment's name made safe, or its id.
func segmentTitle(s client.Segment) string {
	if t := SafeText(s.Name); t != "" {
		return t
	}
	return SafeText(s.ID)
}

// Formats are the formats of `check`, in the order help lists them.
func Formats() []string { return []string{"chart", "spark", "json", "csv", "nagios"} }

// WriteFormat writes results to w in format (one of Formats), in colour
// only where p allows it, chart lines at most width cells wide. Width 0
// (a file or a pipe) cuts nothing: names are whole, charts 80 cells wide.
func WriteFormat(w io.Writer, format string, results []Result, p colorprofile.Profile, width int) error {
	switch format {
	case "json":
		return WriteJSON(w, results)
	case "csv":
		_, err := WriteCSV(w, results)
		return err
	case "nagios":
		return NagiosCheck(results, nil, check.Thresholds{}).Write(w)
	case "spark":
		return writeSpark(w, results, p, width > 0)
	case "chart", "":
		return WriteCharts(w, results, p, width)
	}
	return fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(Formats(), ", "))
}

// WriteCharts writes a chart for each result, at most width cells wide
// (between ChartMinWidth and 120); width 0 draws them 80 wide and cuts no
// header.
func WriteCharts(w io.Writer, results []Result, p colorprofile.Profile, width int) error {
	fit := Truncate
	if width <= 0 {
		width, fit = 80, func(s string, _ int) string { return s }
	}
	var b strings.Builder
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		cw := min(max(width, ChartMinWidth), 120)
		// On a terminal the header fits the chart's width: a name of
		// megabytes from a hostile API is one cut line, not a screenful.
		fmt.Fprintf(&b, "%s\n", fit(r.title()+"  "+SafeText(r.Segment.ID), cw))
		latest, ok := r.Latest()
		if !ok {
			b.WriteString("  (no data in this window)\n")
			continue
		}
		ch, _ := r.Change()
		fmt.Fprintf(&b, "latest %s on %s · change over %d days %s\n", Grouped(latest.Size), latest.Day, len(r.Points), ch)
		lines := []Line{{Name: r.Segment.Name, Points: r.Points, Color: asciigraph.Cyan}}
		if cmp, ok := r.Compare(); ok {
			fmt.Fprintf(&b, "%s (average %s against %s)\n", cmp, HumanFloat(cmp.Average), HumanFloat(cmp.PreviousAverage))
			lines = append([]Line{{Name: cmp.Label(), Points: r.Previous, Color: asciigraph.DimGray, Background: true}}, lines...)
		}
		b.WriteString(Chart(lines,
			ChartOptions{Width: cw, Height: 14, Color: Colored(p),
				Caption: "estimated daily size (Braze estimates)"}))
		b.WriteString("\n")
	}
	return writeProfiled(w, p, b.String())
}

// WriteSpark writes one line per result: name (at most 40 cells),
// sparkline, latest size and the change over the window in percent.
func WriteSpark(w io.Writer, results []Result, p colorprofile.Profile) error {
	return writeSpark(w, results, p, true)
}

// writeSpark is WriteSpark; capName false keeps every name whole, for a
// file or a pipe.
func writeSpark(w io.Writer, results []Result, p colorprofile.Profile, capName bool) error {
	nameW := 12
	sparkW := 1
	for _, r := range results {
		nameW = max(nameW, Width(r.title()))
		sparkW = max(sparkW, min(30, len(r.Points)))
	}
	if capName {
		nameW = min(nameW, 40)
	}
	cyan := ansi.Style{}.ForegroundColor(ansi.Cyan)
	var b strings.Builder
	for _, r := range results {
		size, change := "-", "n/a"
		if latest, ok := r.Latest(); ok {
			ch, _ := r.Change()
			size, change = HumanCount(latest.Size), ch.PctString()
		}
		spark := PadRight(Sparkline(r.sizes(), sparkW), sparkW)
		if Colored(p) {
			spark = cyan.Styled(spark)
		}
		fmt.Fprintf(&b, "%s  %s  %7s  %7s\n", PadRight(r.title(), nameW), spark, size, change)
	}
	return writeProfiled(w, p, b.String())
}

// WriteCSV writes every point of every result as CSV (see SeriesCSV) and
// returns the number of data rows.
// With a previous period (compare), a period column is added last.
func WriteCSV(w io.Writer, results []Result) (int, error) {
	if compared(results) {
		return writePeriodCSV(w, results)
	}
	segs := make([]client.Segment, len(results))
	series := make([][]client.Point, len(results))
	for i, r := range results {
		segs[i], series[i] = r.Segment, r.Points
	}
	return WriteSeriesCSV(w, segs, series)
}

// Colored reports whether p allows colour; ASCII (NO_COLOR) and NoTTY do not.
func Colored(p colorprofile.Profile) bool { return p > colorprofile.ASCII }

// ColorProfile decides the colours w may get: none unless w is a terminal,
// none when NO_COLOR has any non-empty value (colorprofile alone honours
// only values that parse as true), else what TERM, COLORTERM, CLICOLOR and
// CLICOLOR_FORCE say. getenv is the environment of the user (under serve,
// of the SSH session), not necessarily of this process.
func ColorProfile(w io.Writer, getenv func(string) string) colorprofile.Profile {
	if getenv("NO_COLOR") != "" {
		return colorprofile.NoTTY
	}
	var env []string
	for _, k := range []string{"TERM", "COLORTERM", "CLICOLOR", "CLICOLOR_FORCE", "TMUX", "TERM_PROGRAM", "GOOGLE_CLOUD_SHELL"} {
		if v := getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return colorprofile.Detect(w, env)
}

// writeProfiled writes s through a colorprofile writer, which drops or
// downsamples colours p cannot show.
func writeProfiled(w io.Writer, p colorprofile.Profile, s string) error {
	_, err := io.WriteString(&colorprofile.Writer{Forward: w, Profile: p}, s)
	return err
}
