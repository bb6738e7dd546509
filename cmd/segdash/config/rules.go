package config

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/segdash/segdash/client/monitor"
)

// ruleKeys are the keys a rule may have: its name, one target,
// conditions and its severity.
func ruleKeys() []string {
	return append(append([]string{"name", "segments", "tag", "watchlist", "all"}, monitor.Conditions()...), "severity")
}

// parseRules reads the `rules:` list: named alert rules, each with one
// target and one or more conditions. Every error names the file, the line,
// the rule and the valid values.
func (cf *configFile) parseRules(v *yaml.Node) error {
	path := cf.path
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return fileError(path, v.Line, "rules: want a list of rules, each a mapping with a name, a target (%s) and conditions (%s)",
			"segments, tag, watchlist or all", strings.Join(monitor.Conditions(), ", "))
	}
	seen := map[string]bool{}
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			return fileError(path, item.Line, "rules: each rule is a mapping with a name, a target and conditions")
		}
		r, err := cf.parseRule(item)
		if err != nil {
			return err
		}
		if seen[r.Name] {
			return fileError(path, item.Line, "rules: %q is defined twice", excerpt(r.Name))
		}
		seen[r.Name] = true
		cf.rules = append(cf.rules, r)
	}
	return nil
}

func (cf *configFile) parseRule(m *yaml.Node) (monitor.Rule, error) {
	var r monitor.Rule
	path := cf.path
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Value == "name" {
			r.Name = strings.TrimSpace(m.Content[i+1].Value)
		}
	}
	label := "rule"
	if r.Name != "" {
		label = "rule " + strconv.Quote(excerpt(r.Name))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if seen[k.Value] {
			return r, fileError(path, k.Line, "%s: %s is set twice", label, excerpt(k.Value))
		}
		seen[k.Value] = true
		bad := func(want string) error {
			return fileError(path, v.Line, "%s: %s: want %s, got %q", label, k.Value, want, excerpt(v.Value))
		}
		if k.Value != "segments" && v.Kind != yaml.ScalarNode {
			return r, fileError(path, v.Line, "%s: %s: want a single value", label, k.Value)
		}
		switch k.Value {
		case "name":
		case "segments":
			if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
				return r, fileError(path, v.Line, "%s: segments: want a list of segment ids or exact names", label)
			}
			for _, s := range v.Content {
				if s.Kind != yaml.ScalarNode || strings.TrimSpace(s.Value) == "" {
					return r, fileError(path, s.Line, "%s: segments: each entry is a segment id or name", label)
				}
				r.Target.Segments = append(r.Target.Segments, s.Value)
			}
		case "tag":
			r.Target.Tag = v.Value
		case "watchlist":
			r.Target.Watchlist = v.Value
		case "all", "anomaly", "tracking_off":
			b, err := strconv.ParseBool(v.Value)
			if err != nil {
				return r, bad("true or false")
			}
			switch k.Value {
			case "all":
				r.Target.All = b
			case "anomaly":
				r.Anomaly = b
			default:
				r.TrackingOff = b
			}
		case "below", "above":
			n, err := strconv.ParseInt(strings.ReplaceAll(v.Value, "_", ""), 10, 64)
			if err != nil || n < 0 {
				return r, bad("a whole number of users, 0 or more")
			}
			if k.Value == "below" {
				r.Below = &n
			} else {
				r.Above = &n
			}
		case "day_drop", "day_rise", "window_drop", "window_rise":
			t, err := monitor.ParseThreshold(v.Value)
			if err != nil {
				return r, bad("a percentage like 20% or a number of users like 5000")
			}
			if t.Percent && t.Value > 100 && strings.HasSuffix(k.Value, "_drop") {
				return r, bad("a fall of at most 100% (a segment cannot fall further)")
			}
			switch k.Value {
			case "day_drop":
				r.DayDrop = &t
			case "day_rise":
				r.DayRise = &t
			case "window_drop":
				r.WindowDrop = &t
			default:
				r.WindowRise = &t
			}
		case "severity":
			sev, err := monitor.ParseSeverity(v.Value)
			if err != nil {
				return r, bad("warning or critical")
			}
			r.Severity = sev
		case "stale_days":
			n, err := strconv.Atoi(v.Value)
			if err != nil || n < 1 || n > 365 {
				return r, bad("a number of days from 1 to 365")
			}
			r.StaleDays = n
		default:
			return r, fileError(path, k.Line, "%s: unknown key %q; valid keys: %s", label, excerpt(k.Value), strings.Join(ruleKeys(), ", "))
		}
	}
	if r.Severity == "" {
		r.Severity = monitor.Warning
	}
	if err := r.Validate(); err != nil {
		return r, fileError(path, m.Line, "%v", err)
	}
	if r.Target.Watchlist != "" {
		cf.ruleWatchlists = append(cf.ruleWatchlists, ruleRef{rule: r.Name, watchlist: r.Target.Watchlist, line: m.Line})
	}
	return r, nil
}

// ruleRef is a rule that targets a watchlist, checked once every
// watchlist is known.
type ruleRef struct {
	rule, watchlist string
	line            int
}

// checkRuleWatchlists reports a rule whose watchlist the file does not
// define.
func (cf *configFile) checkRuleWatchlists() error {
	var names []string
	for _, w := range cf.watchlists {
		names = append(names, w.Name)
	}
	for _, ref := range cf.ruleWatchlists {
		if !slices.Contains(names, ref.watchlist) {
			defined := "none"
			if len(names) > 0 {
				defined = strings.Join(names, ", ")
			}
			return fileError(cf.path, ref.line, "rule %q: no watchlist %q; defined: %s", excerpt(ref.rule), excerpt(ref.watchlist), defined)
		}
	}
	return nil
}
