// Package check is the engine of `segdash check`: it names the segments
// asked for (ids and names, with suggestions for what names none), fetches
// their windows through the shared cache, and tests each against
// thresholds and the alert rules, into a report. It has no UI and no
// command-line import: `check` runs it locally and over SSH alike, as
// `scan` runs monitor.Scan.
package check

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/safe"
)

// Options shape a check.
type Options struct {
	// Length is the window in days (1..client.MaxWindow); EndingAt its
	// end (zero: now).
	Length   int
	EndingAt time.Time
	// Compare asks for the previous period too (the same length, ending
	// where this window starts).
	Compare bool
	// Thresholds are the limits each segment is tested against.
	Thresholds Thresholds
	// Rules, when not nil, are evaluated for every segment (as scan
	// does); a rule that fires is a breach.
	Rules *Rules
	// Workspace names the workspace checked ("" for the unnamed one); the
	// report carries it to the outputs.
	Workspace string
	// Source names where the references came from ("watchlist \"x\""):
	// it starts each message about a reference that did not resolve.
	Source string
	// Now is the clock for the expected newest day (default time.Now).
	Now func() time.Time
}

// Thresholds are check's limits, each nil when not given: Min breaches
// (a warning) when a segment's latest size is below it, MaxDrop when a
// segment fell more than this percent over the window; CriticalMin and
// CriticalMaxDrop are their critical counterparts.
type Thresholds struct {
	Min, CriticalMin         *int64
	MaxDrop, CriticalMaxDrop *float64
}

// Rules are the alert rules of `check --rules` and the watchlists their
// targets name (watchlist name → ids or names).
type Rules struct {
	Rules      []monitor.Rule
	Watchlists map[string][]string
}

// Result is one checked segment.
type Result struct {
	Segment client.Segment
	// Series is the window; nil for an untracked segment a rule fired on.
	Series *client.Series
	// Previous is the previous period's window, with Options.Compare.
	Previous *client.Series
	// Breaches are the thresholds broken and the rules fired.
	Breaches []Breach
}

// Report is a check's answer.
type Report struct {
	// Results are the segments checked, in the order asked.
	Results []Result
	// Problems are the segments that could not be checked (unknown,
	// ambiguous, untracked, or their request failed), one line each, safe
	// to print.
	Problems []string
	// Warnings do not fail the check (a segment named by id whose sizes
	// are all 0), one line each, safe to print.
	Warnings []string
	// Thresholds are the limits the segments were tested against.
	Thresholds Thresholds
	// Workspace names the workspace checked, for the outputs ("" for the
	// unnamed one).
	Workspace string
}

// Breached reports whether any segment broke a threshold or fired a rule.
func (r *Report) Breached() bool {
	for _, res := range r.Results {
		if len(res.Breaches) > 0 {
			return true
		}
	}
	return false
}

// Worst is the most urgent severity among the breaches ("" for none).
func (r *Report) Worst() monitor.Severity {
	var w monitor.Severity
	for _, res := range r.Results {
		for _, b := range res.Breaches {
			if b.Severity == monitor.Critical {
				return monitor.Critical
			}
			w = monitor.Warning
		}
	}
	return w
}

// untrackedHint says why an untracked segment has no sizes, and what to do.
const untrackedHint = "analytics tracking is off for this segment in Braze, so it has no size history; turn on Analytics Tracking in the segment's settings in Braze (data starts from then)"

// zeroHint is what an all-zero series of a segment named by id may mean:
// Braze answers for an untracked segment with zeros or an error.
const zeroHint = "if analytics tracking is off for this segment in Braze, it has no size history (checking it by name tells)"

// maxSuggestions bounds the "did you mean" list.
const maxSuggestions = 5

// Run checks the segments refs names (ids, or exact names compared without
// case) through cache. A reference that names no segment, or one that
// cannot be fetched, is a problem of the report and the others are still
// checked; err is for what stops everything (the listing failed).
//
// A few ids have their windows asked for at once, before they are named,
// so a check by id costs one round trip of latency: the cache shares each
// request with the one that collects it, or remembers its answer (a
// request that failed is asked again when collected: the cache keeps
// answers, not failures). Names are resolved against the
// listing the cache remembers; when a segment it names turns out unknown
// to Braze (the listing was old), the check runs again on a fresh listing.
func Run(ctx context.Context, cache *client.Cache, refs []string, o Options) (*Report, error) {
	f := newFetcher(cache, o)
	if client.FewIDs(refs) {
		defer f.prefetch(ctx, refs)()
	}
	rep, stale, err := run(ctx, f, refs, o, false)
	if err == nil && stale {
		rep, _, err = run(ctx, f, refs, o, true)
	}
	return rep, err
}

// run is one pass of Run; stale says that a segment named from a
// remembered listing is unknown to Braze, so a fresh listing may help.
func run(ctx context.Context, f *fetcher, refs []string, o Options, fresh bool) (rep *Report, stale bool, err error) {
	res, err := f.cache.ResolveRefs(ctx, refs, fresh)
	if err != nil {
		return nil, false, err
	}
	rep = &Report{Problems: problems(res, o.Source), Thresholds: o.Thresholds, Workspace: o.Workspace}
	ev := newEvaluator(o)
	var tracked []client.Segment
	for _, s := range res.Segments {
		if s.AnalyticsTrackingEnabled {
			tracked = append(tracked, s)
			continue
		}
		// A rule that fires on tracking off has checked this segment:
		// it is a breach, not a segment that could not be checked.
		if b := ev.rules(s, nil); len(b) > 0 {
			rep.Results = append(rep.Results, Result{Segment: s, Breaches: b})
			continue
		}
		rep.Problems = append(rep.Problems, Describe(s)+": "+untrackedHint)
	}
	for _, got := range f.fetchAll(ctx, tracked) {
		if got.err != nil {
			stale = stale || (res.Remembered && got.unknown)
			rep.Problems = append(rep.Problems, Describe(got.Segment)+": "+safe.Text(got.err.Error()))
			continue
		}
		if res.ByDetails && allZero(got.Series.Points) {
			// Named through /segments/details, which does not say whether
			// tracking is on: zeros may be a segment without history.
			rep.Warnings = append(rep.Warnings, Describe(got.Segment)+": every size in the window is 0; "+zeroHint)
		}
		for _, w := range got.Series.Warnings {
			// Braze's non-fatal errors, and sizes far older than the
			// API's day: said on stderr too, not only in JSON.
			rep.Warnings = append(rep.Warnings, Describe(got.Segment)+": "+safe.Text(w))
		}
		got.Breaches = append(ev.thresholds(got.Series), ev.rules(got.Segment, got.Series.Points)...)
		rep.Results = append(rep.Results, got.Result)
	}
	return rep, stale, nil
}

// problems words the references that did not resolve, with suggestions
// for a name that matched nothing.
func problems(res client.Resolution, source string) []string {
	var out []string
	for _, p := range res.Problems {
		msg := safe.Text(p.String())
		if len(p.Candidates) == 0 && p.Err == nil {
			if sugg := client.Suggest(res.Listing, p.Ref, maxSuggestions); len(sugg) > 0 {
				refs := make([]string, len(sugg))
				for i, s := range sugg {
					refs[i] = fmt.Sprintf("%q", s.Ref)
					if s.ByID() && s.Segment.Name != "" {
						refs[i] += fmt.Sprintf(" (%s)", safe.Text(s.Segment.Name))
					}
				}
				msg += "; did you mean: " + strings.Join(refs, ", ")
			}
		}
		if source != "" {
			msg = safe.Text(source) + ": " + msg
		}
		out = append(out, msg)
	}
	return out
}

// allZero reports whether there are points and every one is 0.
func allZero(pts []client.Point) bool {
	_, some := client.DataStart(pts)
	return len(pts) > 0 && !some
}

// Describe names a segment safely for messages: "Name" (id), or the id
// alone.
func Describe(s client.Segment) string {
	if s.Name == "" {
		return safe.Text(s.ID)
	}
	return fmt.Sprintf("%q (%s)", safe.Text(s.Name), safe.Text(s.ID))
}
