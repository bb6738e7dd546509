package check

import (
	"fmt"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/num"
	"github.com/segdash/segdash/client/safe"
)

// Breach is a threshold a segment broke or a rule that fired for it.
type Breach struct {
	// Rule is the threshold's flag ("--min", "--critical-max-drop") or the
	// rule's name.
	Rule string
	// Reason says what happened, in one sentence.
	Reason string
	// Severity is a warning, or critical for a critical threshold or rule.
	Severity monitor.Severity
	// Threshold is true for a threshold flag, false for a rule.
	Threshold bool
}

// String is the breach as check prints it: the reason of a threshold,
// "rule NAME: reason" of a rule.
func (b Breach) String() string {
	if b.Threshold {
		return b.Reason
	}
	return fmt.Sprintf("rule %s: %s", b.Rule, b.Reason)
}

// Alert is the breach as scan names the same fact.
func (b Breach) Alert() monitor.Alert {
	return monitor.Alert{Rule: b.Rule, Reason: b.Reason, Severity: b.Severity}
}

// evaluator tests a segment's window against the thresholds and the alert
// rules of Options, the rules with the evaluator scan uses, so a rule
// fires the same in both.
type evaluator struct {
	th  Thresholds
	set *Rules
	// expected is the newest day the window should reach: the day before
	// its end, as scan has it.
	expected client.Date
}

func newEvaluator(o Options) *evaluator {
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	expected := client.DateOf(now()).AddDays(-1)
	if !o.EndingAt.IsZero() {
		expected = client.DateOf(o.EndingAt).AddDays(-1)
	}
	return &evaluator{th: o.Thresholds, set: o.Rules, expected: expected}
}

// Drop is how many percent a window fell from its first day with data to
// its newest day (negative: it rose); false when there is no base (no
// data, or a first size of 0). A segment created in the window fell from
// its first size, not from the zeros before it existed.
func Drop(s *client.Series) (float64, bool) {
	latest, ok := s.Latest()
	if !ok {
		return 0, false
	}
	first := client.WithData(s.Points)[0].Size
	if first <= 0 {
		return 0, false
	}
	return float64(first-latest.Size) / float64(first) * 100, true
}

// thresholds lists the thresholds a window breaks: the critical one of a
// pair when both are broken, not both.
func (e *evaluator) thresholds(s *client.Series) []Breach {
	var out []Breach
	latest, ok := s.Latest()
	if !ok {
		return nil
	}
	below := func(flag string, limit *int64, sev monitor.Severity) bool {
		if limit == nil || latest.Size >= *limit {
			return false
		}
		out = append(out, Breach{Rule: flag, Severity: sev, Threshold: true,
			Reason: fmt.Sprintf("latest size %s (%s) is below %s %s", num.Grouped(latest.Size), latest.Day, flag, num.Grouped(*limit))})
		return true
	}
	if !below("--critical-min", e.th.CriticalMin, monitor.Critical) {
		below("--min", e.th.Min, monitor.Warning)
	}
	drop, ok := Drop(s)
	if !ok {
		return out
	}
	pts := client.WithData(s.Points)
	fell := func(flag string, limit *float64, sev monitor.Severity) bool {
		if limit == nil || drop <= *limit {
			return false
		}
		out = append(out, Breach{Rule: flag, Severity: sev, Threshold: true,
			Reason: fmt.Sprintf("fell %.1f%% over %d days (%s on %s to %s on %s), beyond %s %g%%",
				drop, len(pts), num.Grouped(pts[0].Size), pts[0].Day, num.Grouped(latest.Size), latest.Day, flag, *limit)})
		return true
	}
	if !fell("--critical-max-drop", e.th.CriticalMaxDrop, monitor.Critical) {
		fell("--max-drop", e.th.MaxDrop, monitor.Warning)
	}
	return out
}

// rules lists the rules that fire for seg over points; points is nil for
// an untracked segment. None without rules.
func (e *evaluator) rules(seg client.Segment, points []client.Point) []Breach {
	if e.set == nil {
		return nil
	}
	st := monitor.Analyze(points, monitor.DefaultDetector())
	var out []Breach
	for _, a := range monitor.EvaluateAll(e.set.Rules, monitor.Subject{Segment: seg, Stats: st, Expected: e.expected}, e.set.Watchlists) {
		sev := a.Severity
		if sev == "" {
			sev = monitor.Warning
		}
		out = append(out, Breach{Rule: a.Rule, Reason: a.Reason, Severity: sev})
	}
	return out
}

// Unmatched words a warning for each rule whose target is a watchlist
// Watchlists does not have (where says where they come from): it checks
// nothing. In the demo the config's watchlists give way to the demo's
// own: say so rather than never fire.
func (r *Rules) Unmatched(where string) []string {
	var out []string
	for _, rule := range r.Rules {
		if w := rule.Target.Watchlist; w != "" && r.Watchlists[w] == nil {
			out = append(out, fmt.Sprintf("rule %q: no watchlist %q in this workspace (%s); it checks nothing",
				safe.Text(rule.Name), safe.Text(w), safe.Text(where)))
		}
	}
	return out
}
