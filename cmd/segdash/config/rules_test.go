package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/client/monitor"
)

func resolveText(t *testing.T, text string) (Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return Resolve(Input{Getenv: env(map[string]string{"BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "US-01"}), ConfigFlag: path}, noConfigDir)
}

func TestRules(t *testing.T) {
	cfg, err := resolveText(t, `watchlists:
  core: [VIP Users]
rules:
  - name: vip floor
    tag: vip
    below: 1_000
  - name: overnight
    all: true
    day_drop: 20%
    day_rise: 5000
    anomaly: true
  - name: stalled
    watchlist: core
    stale_days: 2
    tracking_off: true
  - name: these
    segments: [abc, "VIP Users"]
    window_drop: 30%
    above: 9
`)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Rules) != 4 {
		t.Fatalf("rules %+v", cfg.Rules)
	}
	r := cfg.Rules
	if r[0].Name != "vip floor" || r[0].Target.Tag != "vip" || *r[0].Below != 1000 {
		t.Errorf("rule 0 %+v", r[0])
	}
	if !r[1].Target.All || r[1].DayDrop.String() != "20%" || r[1].DayRise.String() != "5000" || !r[1].Anomaly {
		t.Errorf("rule 1 %+v", r[1])
	}
	if r[2].Target.Watchlist != "core" || r[2].StaleDays != 2 || !r[2].TrackingOff {
		t.Errorf("rule 2 %+v", r[2])
	}
	if len(r[3].Target.Segments) != 2 || r[3].WindowDrop.String() != "30%" || *r[3].Above != 9 {
		t.Errorf("rule 3 %+v", r[3])
	}
}

func TestRuleErrors(t *testing.T) {
	cases := map[string]string{
		"rules: 5":                                                    ":1: rules: want a list of rules",
		"rules:\n  - name: a\n    all: true\n":                        ":2: rule \"a\" has no condition; valid conditions: below, above, day_drop",
		"rules:\n  - name: a\n    all: yes please\n":                  `:3: rule "a": all: want true or false, got "yes please"`,
		"rules:\n  - name: a\n    tag: x\n    below: -3\n":            `:4: rule "a": below: want a whole number of users, 0 or more, got "-3"`,
		"rules:\n  - name: a\n    tag: x\n    day_drop: lots":         `:4: rule "a": day_drop: want a percentage like 20% or a number of users like 5000, got "lots"`,
		"rules:\n  - name: a\n    tag: x\n    colour: red":            `:4: rule "a": unknown key "colour"; valid keys: name, segments, tag, watchlist, all, below`,
		"rules:\n  - tag: x\n    anomaly: true":                       ":2: a rule needs a name",
		"rules:\n  - name: a\n    anomaly: true":                      `:2: rule "a": give exactly one target: segments, tag, watchlist or all`,
		"rules:\n  - name: a\n    watchlist: nope\n    anomaly: true": `:2: rule "a": no watchlist "nope"; defined: none`,
		"rules:\n  - name: a\n    all: true\n    anomaly: true\n  - name: a\n    all: true\n    anomaly: true": `:5: rules: "a" is defined twice`,
		"rules:\n  - name: a\n    tag: x\n    stale_days: 0":                                                   `:4: rule "a": stale_days: want a number of days from 1 to 365, got "0"`,
		"rules:\n  - name: a\n    tag: x\n    anomaly: true\n    severity: page":                               `:5: rule "a": severity: want warning or critical, got "page"`,
		"rules:\n  - name: a\n    tag: x\n    anomaly: true\n    severity: [critical]":                         `:5: rule "a": severity: want a single value`,
	}
	for text, want := range cases {
		_, err := resolveText(t, text)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q:\n got %v\nwant …%s", text, err, want)
		}
	}
}

// TestRuleSeverity reads severity: warning by default, critical when said
// so, in any case, at the top level and in a workspace's rules.
func TestRuleSeverity(t *testing.T) {
	cfg, err := resolveText(t, `rules:
  - name: plain
    tag: x
    anomaly: true
  - name: pager
    tag: x
    below: 10
    severity: Critical
  - name: said
    tag: x
    below: 10
    severity: warning
`)
	if err != nil {
		t.Fatal(err)
	}
	want := []monitor.Severity{monitor.Warning, monitor.Critical, monitor.Warning}
	for i, r := range cfg.Rules {
		if r.Severity != want[i] {
			t.Errorf("rule %s: severity %q, want %q", r.Name, r.Severity, want[i])
		}
	}
}
