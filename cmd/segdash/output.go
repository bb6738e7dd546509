package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/guptarohit/asciigraph"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// writeCheck prints results in the chosen format.
func writeCheck(w io.Writer, getenv func(string) string, f *checkFlags, results []checkResult) error {
	switch f.format {
	case "json":
		return writeJSON(w, results)
	case "csv":
		return writeCSV(w, results, isTerminal(w))
	case "spark":
		return writeSpark(w, results, colorEnabled(w, getenv))
	default:
		return writeCharts(w, results, colorEnabled(w, getenv), terminalWidth(w, 80))
	}
}

func writeCharts(w io.Writer, results []checkResult, color bool, width int) error {
	var b strings.Builder
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		title := output.SafeText(r.Segment.Name)
		if title == "" {
			title = r.Segment.ID
		}
		fmt.Fprintf(&b, "%s  %s\n", title, r.Segment.ID)
		if len(r.Series.Points) == 0 {
			b.WriteString("  (no data in this window)\n")
			continue
		}
		latest, _ := r.Series.Latest()
		ch := output.ChangeOf(r.Series.Points[0].Size, latest.Size)
		fmt.Fprintf(&b, "latest %s on %s · change over %d days %s\n", output.Grouped(latest.Size), latest.Day, len(r.Series.Points), ch)
		out := output.Chart([]output.Line{{Name: r.Segment.Name, Points: r.Series.Points, Color: asciigraph.Cyan}},
			output.ChartOptions{Width: min(max(width, output.ChartMinWidth), 120), Height: 14, Color: color,
				Caption: "estimated daily size (Braze estimates)"})
		b.WriteString(out)
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSpark(w io.Writer, results []checkResult, color bool) error {
	nameW := 12
	for _, r := range results {
		nameW = max(nameW, output.Width(output.SafeText(r.Segment.Name)))
	}
	nameW = min(nameW, 40)
	sparkW := 1
	for _, r := range results {
		sparkW = max(sparkW, min(30, len(r.Series.Points)))
	}
	var b strings.Builder
	for _, r := range results {
		vals := make([]int64, len(r.Series.Points))
		for i, p := range r.Series.Points {
			vals[i] = p.Size
		}
		latest, ok := r.Series.Latest()
		size, change := "-", "n/a"
		if ok {
			size = output.HumanCount(latest.Size)
			change = output.ChangeOf(r.Series.Points[0].Size, latest.Size).PctString()
		}
		spark := output.PadRight(output.Sparkline(vals, sparkW), sparkW)
		if color {
			spark = "\x1b[36m" + spark + "\x1b[0m"
		}
		fmt.Fprintf(&b, "%s  %s  %7s  %7s\n", output.PadRight(output.SafeText(r.Segment.Name), nameW), spark, size, change)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonSegment is one segment in `check --format json`.
type jsonSegment struct {
	SegmentID   string      `json:"segment_id"`
	SegmentName string      `json:"segment_name"`
	Length      int         `json:"length"`
	Latest      *jsonPoint  `json:"latest"`
	ChangeAbs   int64       `json:"change"`
	ChangePct   *float64    `json:"change_pct"`
	Points      []jsonPoint `json:"points"`
	Breaches    []string    `json:"breaches"`
	Warnings    []string    `json:"warnings,omitempty"`
}

type jsonPoint struct {
	Date client.Date `json:"date"`
	Size int64       `json:"size"`
}

func writeJSON(w io.Writer, results []checkResult) error {
	out := struct {
		Segments []jsonSegment `json:"segments"`
	}{Segments: []jsonSegment{}}
	for _, r := range results {
		js := jsonSegment{SegmentID: r.Segment.ID, SegmentName: r.Segment.Name, Length: r.Series.Length,
			Points: []jsonPoint{}, Breaches: r.Breaches, Warnings: r.Series.Warnings}
		if js.Breaches == nil {
			js.Breaches = []string{}
		}
		for _, p := range r.Series.Points {
			js.Points = append(js.Points, jsonPoint{p.Day, p.Size})
		}
		if latest, ok := r.Series.Latest(); ok {
			js.Latest = &jsonPoint{latest.Day, latest.Size}
			ch := output.ChangeOf(r.Series.Points[0].Size, latest.Size)
			js.ChangeAbs = ch.Abs
			if ch.HasPct {
				pct := ch.Pct
				js.ChangePct = &pct
			}
		}
		out.Segments = append(out.Segments, js)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(escapeControls(b), '\n'))
	return err
}

// escapeControls escapes DEL and the C1 control characters, which
// encoding/json leaves raw, so JSON output is terminal-safe and lossless.
func escapeControls(b []byte) []byte {
	if !bytes.ContainsFunc(b, func(r rune) bool { return r == 0x7f || (r >= 0x80 && r <= 0x9f) }) {
		return b
	}
	var out bytes.Buffer
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[:size])
		}
		b = b[size:]
	}
	return out.Bytes()
}

// writeCSV writes every point. Names are kept as they are (CSV quoting
// protects them) unless the output is a terminal, where they are made safe.
func writeCSV(w io.Writer, results []checkResult, toTerminal bool) error {
	segs := make([]client.Segment, len(results))
	series := make([][]client.Point, len(results))
	for i, r := range results {
		segs[i], series[i] = r.Segment, r.Series.Points
	}
	_, err := output.SeriesCSV(w, segs, series, toTerminal)
	return err
}
