package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/safe"
)

// jsonSegment is one segment in `check --format json`.
type jsonSegment struct {
	// Workspace is the workspace's WorkspaceLabel.
	Workspace   string     `json:"workspace"`
	SegmentID   string     `json:"segment_id"`
	SegmentName string     `json:"segment_name"`
	Length      int        `json:"length"`
	Latest      *jsonPoint `json:"latest"`
	ChangeAbs   int64      `json:"change"`
	ChangePct   *float64   `json:"change_pct"`
	// WindowChange and WindowChangePct are Change and ChangePct as scan
	// names them.
	WindowChange    *int64      `json:"window_change"`
	WindowChangePct *float64    `json:"window_change_pct"`
	Points          []jsonPoint `json:"points"`
	Breaches        []string    `json:"breaches"`
	// Alerts are the breaches as scan names them.
	Alerts   []monitor.Alert `json:"alerts"`
	Warnings []string        `json:"warnings,omitempty"`
	// Previous is the previous period, with check --compare previous.
	Previous *jsonPrevious `json:"previous,omitempty"`
}

type jsonPoint struct {
	Date client.Date `json:"date"`
	Size int64       `json:"size"`
}

// WriteJSON writes results as one JSON document {"schema_version": 1,
// "segments": [...]}.
// Names and ids are kept exactly; every control character, DEL, C1 and
// bidirectional override among them is \u-escaped, so the document is
// lossless and still safe to print on a terminal.
func WriteJSON(w io.Writer, results []Result) error {
	out := struct {
		SchemaVersion int           `json:"schema_version"`
		Segments      []jsonSegment `json:"segments"`
	}{SchemaVersion: SchemaVersion, Segments: []jsonSegment{}}
	for _, r := range results {
		js := jsonSegment{Workspace: WorkspaceLabel(r.Workspace), SegmentID: r.Segment.ID, SegmentName: r.Segment.Name, Length: r.Length,
			Points: jsonPoints(r.Points), Breaches: r.Breaches, Alerts: r.Alerts, Warnings: r.Warnings, Previous: previousJSON(r)}
		if js.Breaches == nil {
			js.Breaches = []string{}
		}
		if js.Alerts == nil {
			js.Alerts = []monitor.Alert{}
		}
		if latest, ok := r.Latest(); ok {
			js.Latest = &jsonPoint{latest.Day, latest.Size}
			ch, _ := r.Change()
			js.ChangeAbs = ch.Abs
			abs := ch.Abs
			js.WindowChange = &abs
			if ch.HasPct {
				pct, rounded := ch.Pct, math.Round(ch.Pct*100)/100 // as scan rounds it
				js.ChangePct, js.WindowChangePct = &pct, &rounded
			}
		}
		out.Segments = append(out.Segments, js)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(EscapeControls(b), '\n'))
	return err
}

// EscapeControls \u-escapes DEL, the C1 controls and the bidirectional
// formatting characters in a JSON document, which encoding/json leaves
// raw (it escapes C0 itself), so the document is terminal-safe and
// lossless. Outside strings JSON has none of them, so this is exact.
func EscapeControls(b []byte) []byte {
	if !bytes.ContainsFunc(b, jsonUnsafe) {
		return b
	}
	var out bytes.Buffer
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if jsonUnsafe(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[:size])
		}
		b = b[size:]
	}
	return out.Bytes()
}

func jsonUnsafe(r rune) bool { return r == 0x7f || (r >= 0x80 && r <= 0x9f) || safe.Reorders(r) }

// nagiosText keeps a status line's text from ending early: Nagios reads
// everything after the first "|" as performance data, so a "|" in a
// segment name or a reason becomes "¦".
func nagiosText(s string) string { return strings.ReplaceAll(s, "|", "¦") }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
