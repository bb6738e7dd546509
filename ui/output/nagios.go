package output

// This file writes the Nagios plugin format by the Monitoring Plugins
// Development Guidelines: one status line ("SEGDASH STATE - text |
// perfdata"), its text short whatever happens, then the details on the
// lines after it; perfdata with the thresholds in the guidelines' range
// syntax, so that a threshold parser reads each value as the status says;
// exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// NagiosState is a plugin's state, its exit code.
type NagiosState int

// The four states of the guidelines, as exit codes.
const (
	NagiosOK NagiosState = iota
	NagiosWarning
	NagiosCritical
	NagiosUnknown
)

// String is the state's name on the status line.
func (s NagiosState) String() string {
	return [...]string{"OK", "WARNING", "CRITICAL", "UNKNOWN"}[s]
}

// rank orders states by urgency as the plugins' own max_state does:
// OK < UNKNOWN < WARNING < CRITICAL.
func (s NagiosState) rank() int { return [...]int{0, 2, 3, 1}[s] }

// Worse is the more urgent of s and t.
func (s NagiosState) Worse(t NagiosState) NagiosState {
	if t.rank() > s.rank() {
		return t
	}
	return s
}

// MaxNagiosText is the most characters of text the status line carries
// before its perfdata: a monitoring system shows the line in a table.
const MaxNagiosText = 200

// NagiosPerf is one performance datum: 'label'=value[uom];warn;crit;min;max.
type NagiosPerf struct {
	Label string
	Value float64
	// UOM is the unit ("", "%", "s", "c", ...).
	UOM string
	// Warn and Crit are threshold ranges in the guidelines' syntax ("10",
	// "10:", "~:10", "10:20", "@10:20"); "" for none.
	Warn, Crit string
	// Min and Max bound the value; "" for none.
	Min, Max string
}

// String writes the datum; a quote in the label is doubled and "=" made
// "_", as the guidelines ask.
func (p NagiosPerf) String() string {
	label := strings.NewReplacer("'", "''", "=", "_").Replace(p.Label)
	v := strconv.FormatFloat(p.Value, 'f', -1, 64) + p.UOM
	s := "'" + label + "'=" + v + ";" + p.Warn + ";" + p.Crit + ";" + p.Min + ";" + p.Max
	return strings.TrimRight(s, ";")
}

// Nagios is a plugin's whole answer.
type Nagios struct {
	State NagiosState
	// Text is the status line's text; cut to MaxNagiosText.
	Text string
	// Details are the lines after the status line (long output).
	Details []string
	Perf    []NagiosPerf
}

// Write writes n: the status line with its text made one safe line and
// cut, every perfdata label unique, then the details.
func (n Nagios) Write(w io.Writer) error {
	var b strings.Builder
	b.WriteString("SEGDASH " + n.State.String() + " - " + cutText(nagiosText(SafeText(n.Text)), MaxNagiosText))
	if len(n.Perf) > 0 {
		b.WriteString(" |")
		for _, p := range uniqueLabels(n.Perf) {
			b.WriteString(" " + p.String())
		}
	}
	b.WriteString("\n")
	for _, d := range n.Details {
		b.WriteString(nagiosText(SafeText(d)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cutText shortens s to at most max characters, at a word where it can,
// ending in "…".
func cutText(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max-1]
	cut := string(r)
	if i := strings.LastIndexAny(cut, " ;,"); i > max/2 {
		cut = strings.TrimRight(cut[:i], " ;,")
	}
	return cut + "…"
}

// uniqueLabels gives repeated labels a " (2)", " (3)" ... suffix: a
// monitoring system keys its graphs by label.
func uniqueLabels(perf []NagiosPerf) []NagiosPerf {
	seen := map[string]int{}
	out := make([]NagiosPerf, len(perf))
	for i, p := range perf {
		seen[p.Label]++
		if n := seen[p.Label]; n > 1 {
			p.Label = fmt.Sprintf("%s (%d)", p.Label, n)
		}
		out[i] = p
	}
	return out
}

// NagiosError is the answer of a command that could not run at all (a
// usage, configuration or API error): UNKNOWN, naming the error's first
// line, so a monitoring system that reads only stdout sees why.
func NagiosError(err error) Nagios {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return Nagios{State: NagiosUnknown, Text: msg}
}

// NagiosBelow is the range that alerts when a value is under limit
// ("limit:"), NagiosAbove the one that alerts over it ("~:limit").
func NagiosBelow(limit float64) string { return strconv.FormatFloat(limit, 'f', -1, 64) + ":" }

// NagiosAbove is the range that alerts when a value is over limit.
func NagiosAbove(limit float64) string { return "~:" + strconv.FormatFloat(limit, 'f', -1, 64) }
