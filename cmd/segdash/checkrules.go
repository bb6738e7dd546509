package main

import (
	"fmt"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

// checkRules evaluates the config file's alert rules for `check --rules`
// with the evaluator scan uses, so a rule fires the same in both.
type checkRules struct {
	rules      []monitor.Rule
	watchlists map[string][]string
	// expected is the newest day the window should reach: the day before
	// its end, as scan has it.
	expected client.Date
}

// newCheckRules prepares cfg's rules for a window ending at end (zero: now).
// A config without rules is a usage error: --rules would check nothing.
func newCheckRules(cfg config.Config, end, now time.Time) (*checkRules, error) {
	if len(cfg.Rules) == 0 {
		where := cfg.File
		if where == "" {
			where = "the config file"
		}
		return nil, usageError("--rules: %s has no rules (add a `rules:` list; see segdash config --help)", output.SafeText(where))
	}
	expected := client.DateOf(now).AddDays(-1)
	if !end.IsZero() {
		expected = client.DateOf(end).AddDays(-1)
	}
	return &checkRules{rules: cfg.Rules, watchlists: client.WatchlistEntries(cfg.Watchlists), expected: expected}, nil
}

// breaches lists the rules that fire for seg over points, one
// "rule NAME: reason" each; points is nil for an untracked segment.
func (c *checkRules) breaches(seg client.Segment, points []client.Point) []string {
	st := monitor.Analyze(points, monitor.DefaultDetector())
	var out []string
	for _, a := range monitor.EvaluateAll(c.rules, monitor.Subject{Segment: seg, Stats: st, Expected: c.expected}, c.watchlists) {
		out = append(out, fmt.Sprintf("rule %s: %s", a.Rule, a.Reason))
	}
	return out
}

// untracked lists the rules that fire for an untracked segment (tracking
// off); none without --rules (c nil).
func (c *checkRules) untracked(seg client.Segment) []string {
	if c == nil {
		return nil
	}
	return c.breaches(seg, nil)
}
