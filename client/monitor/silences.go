package monitor

import (
	"fmt"
	"slices"
	"strings"

	"github.com/segdash/segdash/client"
)

// Severity is how urgent an alert is: a warning, or a critical one that
// pages. Nagios reads them as WARNING and CRITICAL.
type Severity string

// The severities of an alert. A rule without one warns; an anomaly that no
// rule reports is a warning.
const (
	Warning  Severity = "warning"
	Critical Severity = "critical"
)

// ParseSeverity reads a rule's severity ("" is a warning).
func ParseSeverity(s string) (Severity, error) {
	switch Severity(strings.ToLower(strings.TrimSpace(s))) {
	case "", Warning:
		return Warning, nil
	case Critical:
		return Critical, nil
	}
	return "", fmt.Errorf("severity %q: want warning or critical", s)
}

// Silence quiets the alerts of a known event until a day: a segment's, a
// tag's or a whole workspace's. Silenced alerts are still shown, marked
// with the silence's reason; they change neither the exit status nor the
// Nagios state, and make no incident.
type Silence struct {
	// Exactly one of Segment (an id or an exact name, in any case), Tag
	// (in any case) or Workspace is set.
	Segment, Tag, Workspace string
	// Until is the last day silenced (in the API's days).
	Until client.Date
	// Reason says why, for whoever reads the silenced alert.
	Reason string
}

// Validate reports what is wrong with s.
func (s Silence) Validate() error {
	set := 0
	for _, v := range []string{s.Segment, s.Tag, s.Workspace} {
		if strings.TrimSpace(v) != "" {
			set++
		}
	}
	if set != 1 {
		return fmt.Errorf("a silence needs exactly one of segment, tag or workspace")
	}
	if s.Until.IsZero() {
		return fmt.Errorf("a silence needs until: the last day it holds (YYYY-MM-DD)")
	}
	if strings.TrimSpace(s.Reason) == "" {
		return fmt.Errorf("a silence needs a reason, for whoever reads the alert it quiets")
	}
	return nil
}

// Covers says whether s quiets the alerts of seg in workspace on day
// today (Until included).
func (s Silence) Covers(seg client.Segment, workspace string, today client.Date) bool {
	if s.Until.Before(today) {
		return false
	}
	switch {
	case s.Workspace != "":
		return s.Workspace == workspace
	case s.Tag != "":
		return slices.ContainsFunc(seg.Tags, func(t string) bool { return strings.EqualFold(t, s.Tag) })
	default:
		return s.Segment == seg.ID || strings.EqualFold(s.Segment, seg.Name)
	}
}

// Text says what the silence is for a silenced alert: "silenced until
// 2026-12-31: the import moved to Tuesday".
func (s Silence) Text() string {
	return "silenced until " + s.Until.String() + ": " + s.Reason
}

// ApplySilences marks every alert of results whose segment a silence of
// silences covers on day today, in workspace; the first silence that
// covers it names the reason.
func ApplySilences(results []Result, silences []Silence, workspace string, today client.Date) {
	for i := range results {
		for _, s := range silences {
			if !s.Covers(results[i].Segment, workspace, today) {
				continue
			}
			for j := range results[i].Alerts {
				results[i].Alerts[j].Silenced = s.Text()
			}
			break
		}
	}
}

// Firing is the alerts that are not silenced.
func Firing(alerts []Alert) []Alert {
	var out []Alert
	for _, a := range alerts {
		if a.Silenced == "" {
			out = append(out, a)
		}
	}
	return out
}

// Worst is the most urgent severity among the firing alerts ("" for none).
func Worst(alerts []Alert) Severity {
	var w Severity
	for _, a := range Firing(alerts) {
		if a.Severity == Critical {
			return Critical
		}
		w = Warning
	}
	return w
}

// SilenceSummary counts silences for a settings table on day today:
// "none", "2 active" or "2 active, 1 expired".
func SilenceSummary(silences []Silence, today client.Date) string {
	active := 0
	for _, s := range silences {
		if !s.Until.Before(today) {
			active++
		}
	}
	expired := len(silences) - active
	switch {
	case len(silences) == 0:
		return "none"
	case expired == 0:
		return fmt.Sprintf("%d active", active)
	}
	return fmt.Sprintf("%d active, %d expired", active, expired)
}
