package check

import (
	"fmt"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/num"
	"github.com/segdash/segdash/client/safe"
)

// evaluator tests a segment's window against the thresholds and the alert
// rules of Options, the rules with the evaluator scan uses, so a rule
// fires the same in both.
type evaluator struct {
	min     *int64
	maxDrop *float64
	set     *Rules
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
	return &evaluator{min: o.Min, maxDrop: o.MaxDrop, set: o.Rules, expected: expected}
}

// thresholds lists the thresholds a window breaks.
func (e *evaluator) thresholds(s *client.Series) []string {
	var out []string
	latest, ok := s.Latest()
	if !ok {
		return nil
	}
	if e.min != nil && latest.Size < *e.min {
		out = append(out, fmt.Sprintf("latest size %s (%s) is below --min %s", num.Grouped(latest.Size), latest.Day, num.Grouped(*e.min)))
	}
	if e.maxDrop != nil {
		// From the first day with data: a segment created in the window
		// fell from its first size, not from the zeros before it existed.
		pts := client.WithData(s.Points)
		first := pts[0].Size
		if first > 0 {
			drop := float64(first-latest.Size) / float64(first) * 100
			if drop > *e.maxDrop {
				out = append(out, fmt.Sprintf("fell %.1f%% over %d days (%s on %s to %s on %s), beyond --max-drop %g%%",
					drop, len(pts), num.Grouped(first), pts[0].Day, num.Grouped(latest.Size), latest.Day, *e.maxDrop))
			}
		}
	}
	return out
}

// rules lists the rules that fire for seg over points, one "rule NAME:
// reason" each; points is nil for an untracked segment. None without
// rules.
func (e *evaluator) rules(seg client.Segment, points []client.Point) []string {
	if e.set == nil {
		return nil
	}
	st := monitor.Analyze(points, monitor.DefaultDetector())
	var out []string
	for _, a := range monitor.EvaluateAll(e.set.Rules, monitor.Subject{Segment: seg, Stats: st, Expected: e.expected}, e.set.Watchlists) {
		out = append(out, fmt.Sprintf("rule %s: %s", a.Rule, a.Reason))
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
