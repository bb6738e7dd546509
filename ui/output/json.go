package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/safe"
)

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
	// Previous is the previous period, with check --compare previous.
	Previous *jsonPrevious `json:"previous,omitempty"`
}

type jsonPoint struct {
	Date client.Date `json:"date"`
	Size int64       `json:"size"`
}

// WriteJSON writes results as one JSON document {"segments": [...]}.
// Names and ids are kept exactly; every control character, DEL, C1 and
// bidirectional override among them is \u-escaped, so the document is
// lossless and still safe to print on a terminal.
func WriteJSON(w io.Writer, results []Result) error {
	out := struct {
		Segments []jsonSegment `json:"segments"`
	}{Segments: []jsonSegment{}}
	for _, r := range results {
		js := jsonSegment{SegmentID: r.Segment.ID, SegmentName: r.Segment.Name, Length: r.Length,
			Points: jsonPoints(r.Points), Breaches: r.Breaches, Warnings: r.Warnings, Previous: previousJSON(r)}
		if js.Breaches == nil {
			js.Breaches = []string{}
		}
		if latest, ok := r.Latest(); ok {
			js.Latest = &jsonPoint{latest.Day, latest.Size}
			ch, _ := r.Change()
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

// WriteNagios writes one status line in the Nagios plugin format:
// "SEGDASH OK - ..." or "SEGDASH WARNING - ..." (a threshold broken) with the latest size of
// each segment as performance data ('name'=size;;min). The exit code
// stays check's: 0 good, 1 breach (Nagios' WARNING), 2 error (CRITICAL).
func WriteNagios(w io.Writer, results []Result) error { return WriteNagiosStatus(w, results, nil) }

// WriteNagiosStatus is WriteNagios for a check where some segments could
// not be checked (problems, one sentence each): then the status is
// CRITICAL and names them, as check's exit code 2 does, since a monitoring
// system reads the line, not stderr. Breaches follow the problems.
func WriteNagiosStatus(w io.Writer, results []Result, problems []string) error {
	var bad []string
	var perf []string
	for _, r := range results {
		label := strings.NewReplacer("'", "''", "=", "_").Replace(r.title())
		if latest, ok := r.Latest(); ok {
			perf = append(perf, fmt.Sprintf("'%s'=%d;;;0;", label, latest.Size))
		}
		for _, b := range r.Breaches {
			bad = append(bad, r.title()+": "+SafeText(b))
		}
	}
	status := "OK"
	msg := fmt.Sprintf("%d segment%s within thresholds", len(results), plural(len(results)))
	if len(bad) > 0 {
		status, msg = "WARNING", strings.Join(bad, "; ")
	}
	if len(problems) > 0 {
		safe := make([]string, len(problems))
		for i, p := range problems {
			safe[i] = SafeText(p)
		}
		status = "CRITICAL"
		msg = fmt.Sprintf("%d of %d segments could not be checked: %s", len(problems), len(problems)+len(results), strings.Join(safe, "; "))
		if len(bad) > 0 {
			msg += "; " + strings.Join(bad, "; ")
		}
	}
	_, err := fmt.Fprintf(w, "SEGDASH %s - %s | %s\n", status, nagiosText(msg), strings.Join(perf, " "))
	return err
}

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

// WriteNagiosError writes the status line of a check or scan that could not
// run at all (a usage, config or API error): CRITICAL with the error's first
// line, so a monitoring system that reads only stdout sees why.
func WriteNagiosError(w io.Writer, err error) error {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	_, werr := fmt.Fprintf(w, "SEGDASH CRITICAL - %s |\n", nagiosText(SafeText(msg)))
	return werr
}
