package monitor

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/num"
)

// Rule is a named alert rule: which segments it watches and the conditions
// that fire it. A rule fires when any of its conditions holds.
type Rule struct {
	// Name names the rule in every alert it raises.
	Name string
	// Target says which segments the rule watches.
	Target Target
	// Below fires when the newest size is under this many users (nil: off).
	Below *int64
	// Above fires when the newest size is over this many users (nil: off).
	Above *int64
	// DayDrop, DayRise, WindowDrop and WindowRise fire on a fall or a rise
	// over the newest day or over the whole window beyond a threshold.
	DayDrop, DayRise, WindowDrop, WindowRise *Threshold
	// Anomaly fires on the detector's anomaly flag.
	Anomaly bool
	// StaleDays fires when no new data came for this many days: the newest
	// point is that many days older than the day the data should reach, or
	// the size has not moved at all for that many days (a stalled sync).
	// 0 turns it off.
	StaleDays int
	// TrackingOff fires for a segment whose analytics tracking is off.
	TrackingOff bool
	// Severity is how urgent its alerts are ("": a warning).
	Severity Severity
}

// Target is what a rule watches. Exactly one of its fields is set.
type Target struct {
	// Segments are segment ids or exact names.
	Segments []string
	// Tag watches every segment with this tag.
	Tag string
	// Watchlist watches the segments of the named watchlist.
	Watchlist string
	// All watches every segment.
	All bool
}

// Threshold is a change limit, in percent or in users.
type Threshold struct {
	Value   float64
	Percent bool
}

// ParseThreshold reads "20%" (percent) or "5000" (users).
func ParseThreshold(s string) (Threshold, error) {
	s = strings.TrimSpace(s)
	pct := strings.HasSuffix(s, "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	if err != nil || v <= 0 || math.IsInf(v, 0) || math.IsNaN(v) || (pct && v > 100000) {
		return Threshold{}, fmt.Errorf("%q is not a change: want a positive percentage like 20%% or a number of users like 5000", s)
	}
	return Threshold{Value: v, Percent: pct}, nil
}

// String writes t as it would be configured ("20%", "5000"); alert
// reasons use text, which groups a number of users like every size.
func (t Threshold) String() string {
	if t.Percent {
		return strconv.FormatFloat(t.Value, 'f', -1, 64) + "%"
	}
	return strconv.FormatFloat(t.Value, 'f', -1, 64)
}

// exceeded says whether a change of size change from base passes t.
func (t Threshold) exceeded(change, base int64) bool {
	if t.Percent {
		p := num.Pct(change, base)
		return !math.IsNaN(p) && math.Abs(p) >= t.Value
	}
	return math.Abs(float64(change)) >= t.Value
}

// Conditions lists the valid condition names, for error messages.
func Conditions() []string {
	return []string{"below", "above", "day_drop", "day_rise", "window_drop", "window_rise", "anomaly", "stale_days", "tracking_off"}
}

// Validate reports what is wrong with r, naming the rule and the valid
// values.
func (r Rule) Validate() error {
	if strings.TrimSpace(r.Name) == "" {
		return fmt.Errorf("a rule needs a name")
	}
	set := 0
	for _, b := range []bool{len(r.Target.Segments) > 0, r.Target.Tag != "", r.Target.Watchlist != "", r.Target.All} {
		if b {
			set++
		}
	}
	if set != 1 {
		return fmt.Errorf("rule %q: give exactly one target: segments, tag, watchlist or all", r.Name)
	}
	if r.Below == nil && r.Above == nil && r.DayDrop == nil && r.DayRise == nil && r.WindowDrop == nil &&
		r.WindowRise == nil && !r.Anomaly && r.StaleDays == 0 && !r.TrackingOff {
		return fmt.Errorf("rule %q has no condition; valid conditions: %s", r.Name, strings.Join(Conditions(), ", "))
	}
	if r.StaleDays < 0 {
		return fmt.Errorf("rule %q: stale_days must be 1 or more", r.Name)
	}
	if _, err := ParseSeverity(string(r.Severity)); err != nil {
		return fmt.Errorf("rule %q: %w", r.Name, err)
	}
	return nil
}

// Alert is one rule that fired for one segment, and why.
type Alert struct {
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
	// Severity is the rule's (a warning unless it says critical).
	Severity Severity `json:"severity"`
	// Silenced, when set, is the silence that quiets the alert: it is
	// shown, but changes neither the exit status nor the Nagios state.
	Silenced string `json:"silenced,omitempty"`
}

// Subject is what the rules are evaluated on: a segment, its stats and the
// day its data should reach.
type Subject struct {
	Segment client.Segment
	Stats   Stats
	// Expected is the newest day the series should hold (yesterday for a
	// window up to now); zero skips the staleness check.
	Expected client.Date
}

// Matches says whether r watches seg; watchlists maps a watchlist's name to
// its entries (ids or names).
func (r Rule) Matches(seg client.Segment, watchlists map[string][]string) bool {
	t := r.Target
	switch {
	case t.All:
		return true
	case t.Tag != "":
		return slices.Contains(seg.Tags, t.Tag)
	case t.Watchlist != "":
		return refersTo(watchlists[t.Watchlist], seg)
	default:
		return refersTo(t.Segments, seg)
	}
}

func refersTo(refs []string, seg client.Segment) bool {
	return slices.Contains(refs, seg.ID) || slices.Contains(refs, seg.Name)
}

// Evaluate returns the alerts r raises for s (none when nothing fired).
func (r Rule) Evaluate(s Subject) []Alert {
	var out []Alert
	fire := func(format string, args ...any) {
		out = append(out, Alert{Rule: r.Name, Reason: fmt.Sprintf(format, args...), Severity: r.severity()})
	}
	if r.TrackingOff && !s.Segment.AnalyticsTrackingEnabled {
		fire("analytics tracking is off")
	}
	st := s.Stats
	if !st.HasLatest {
		return out
	}
	size := st.Latest.Size
	if r.Below != nil && size < *r.Below {
		fire("size %s is below %s", num.Grouped(size), num.Grouped(*r.Below))
	}
	if r.Above != nil && size > *r.Above {
		fire("size %s is above %s", num.Grouped(size), num.Grouped(*r.Above))
	}
	prevDay, first := num.Sub(size, st.DayChange), num.Sub(size, st.WindowChange)
	check := func(t *Threshold, change, base int64, fell bool, what string) {
		if t == nil || (fell && change >= 0) || (!fell && change <= 0) || !t.exceeded(change, base) {
			return
		}
		verb := "rose"
		if fell {
			verb = "fell"
		}
		fire("%s %s by %s", what, verb, changeText(change, base, t.text()))
	}
	if st.HasDay {
		check(r.DayDrop, st.DayChange, prevDay, true, "newest day")
		check(r.DayRise, st.DayChange, prevDay, false, "newest day")
		check(r.WindowDrop, st.WindowChange, first, true, "window")
		check(r.WindowRise, st.WindowChange, first, false, "window")
	}
	if r.Anomaly && st.Anomaly {
		fire("%s", anomalyText(st))
	}
	if r.StaleDays > 0 {
		behind := 0
		if !s.Expected.IsZero() {
			behind = int(s.Expected.Time().Sub(st.Latest.Day.Time()).Hours() / 24)
		}
		switch {
		case behind >= r.StaleDays:
			fire("no new data for %s days (newest %s)", num.Grouped(int64(behind)), st.Latest.Day)
		case st.Unchanged >= r.StaleDays:
			fire("size unchanged at %s for %s days", num.Grouped(size), num.Grouped(int64(st.Unchanged)))
		}
	}
	return out
}

// severity is r's severity, a warning when none is set.
func (r Rule) severity() Severity {
	if r.Severity == "" {
		return Warning
	}
	return r.Severity
}

// EvaluateAll runs every rule that matches s's segment.
func EvaluateAll(rules []Rule, s Subject, watchlists map[string][]string) []Alert {
	var out []Alert
	for _, r := range rules {
		if r.Matches(s.Segment, watchlists) {
			out = append(out, r.Evaluate(s)...)
		}
	}
	return out
}

// Unmatched says what of r's target matches nothing among all: segment
// entries that are no segment, a watchlist that is not defined or whose
// entries match nothing. A rule that watches nothing never fires, so
// callers tell the user instead of skipping it silently.
func (r Rule) Unmatched(all []client.Segment, watchlists map[string][]string) []string {
	refs, where := r.Target.Segments, "segments"
	if r.Target.Watchlist != "" {
		entries, ok := watchlists[r.Target.Watchlist]
		if !ok {
			return []string{fmt.Sprintf("rule %q: no watchlist %q in this workspace", r.Name, r.Target.Watchlist)}
		}
		refs, where = entries, "watchlist "+strconv.Quote(r.Target.Watchlist)
	}
	if r.Target.Tag != "" {
		for _, s := range all {
			if slices.Contains(s.Tags, r.Target.Tag) {
				return nil
			}
		}
		return []string{fmt.Sprintf("rule %q: no segment has the tag %q", r.Name, r.Target.Tag)}
	}
	_, problems := client.Resolve(all, refs, false)
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = fmt.Sprintf("rule %q (%s): %s", r.Name, where, p)
	}
	return out
}

// UnmatchedAll is Unmatched for every rule.
func UnmatchedAll(rules []Rule, all []client.Segment, watchlists map[string][]string) []string {
	var out []string
	for _, r := range rules {
		out = append(out, r.Unmatched(all, watchlists)...)
	}
	return out
}
