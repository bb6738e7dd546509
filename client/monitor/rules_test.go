package monitor

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

func ptr[T any](v T) *T { return &v }

func mustThreshold(t *testing.T, s string) *Threshold {
	t.Helper()
	th, err := ParseThreshold(s)
	if err != nil {
		t.Fatal(err)
	}
	return &th
}

func TestParseThreshold(t *testing.T) {
	for in, want := range map[string]string{"20%": "20%", " 5000 ": "5000", "2.5 %": "2.5%"} {
		th, err := ParseThreshold(in)
		if err != nil || th.String() != want {
			t.Errorf("ParseThreshold(%q) = %v, %v; want %s", in, th, err, want)
		}
	}
	for _, bad := range []string{"", "-5%", "0", "abc", "NaN", "Inf%", "1e9%"} {
		if _, err := ParseThreshold(bad); err == nil || !strings.Contains(err.Error(), "20%") {
			t.Errorf("ParseThreshold(%q) = %v, want an error naming the valid forms", bad, err)
		}
	}
}

func TestRuleValidate(t *testing.T) {
	cases := []struct {
		rule Rule
		want string
	}{
		{Rule{Target: Target{All: true}, Anomaly: true}, "needs a name"},
		{Rule{Name: "x", Anomaly: true}, "exactly one target"},
		{Rule{Name: "x", Target: Target{All: true, Tag: "vip"}, Anomaly: true}, "exactly one target"},
		{Rule{Name: "x", Target: Target{Tag: "vip"}}, "valid conditions: below, above"},
		{Rule{Name: "x", Target: Target{Tag: "vip"}, StaleDays: -1}, "stale_days"},
		{Rule{Name: "x", Target: Target{Tag: "vip"}, Below: ptr(int64(5))}, ""},
	}
	for _, c := range cases {
		err := c.rule.Validate()
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%+v: %v, want %q", c.rule, err, c.want)
		}
	}
}

func TestRuleMatches(t *testing.T) {
	seg := client.Segment{ID: "id-1", Name: "VIP Users", Tags: []string{"vip"}}
	lists := map[string][]string{"core": {"VIP Users"}, "other": {"id-2"}}
	cases := []struct {
		t    Target
		want bool
	}{
		{Target{All: true}, true},
		{Target{Tag: "vip"}, true},
		{Target{Tag: "push"}, false},
		{Target{Watchlist: "core"}, true},
		{Target{Watchlist: "other"}, false},
		{Target{Watchlist: "missing"}, false},
		{Target{Segments: []string{"id-1"}}, true},
		{Target{Segments: []string{"VIP"}}, false},
	}
	for _, c := range cases {
		if got := (Rule{Name: "r", Target: c.t}).Matches(seg, lists); got != c.want {
			t.Errorf("%+v matches = %v, want %v", c.t, got, c.want)
		}
	}
}

func TestRuleEvaluate(t *testing.T) {
	tracked := client.Segment{ID: "a", Name: "A", AnalyticsTrackingEnabled: true}
	fall := Analyze(pointsOf(1000, 1000, 1000, 700), DefaultDetector())
	rise := Analyze(pointsOf(100, 100, 100, 150), DefaultDetector())
	flat := Analyze(pointsOf(500, 500, 500, 500), DefaultDetector())
	yesterday := day0.AddDays(3)
	cases := []struct {
		name string
		rule Rule
		sub  Subject
		want []string // reasons, in order
	}{
		{"below", Rule{Below: ptr(int64(800))}, Subject{Segment: tracked, Stats: fall}, []string{"size 700 is below 800"}},
		{"not below", Rule{Below: ptr(int64(700))}, Subject{Segment: tracked, Stats: fall}, nil},
		{"above", Rule{Above: ptr(int64(120))}, Subject{Segment: tracked, Stats: rise}, []string{"size 150 is above 120"}},
		{"day drop pct", Rule{DayDrop: mustThreshold(t, "20%")}, Subject{Segment: tracked, Stats: fall}, []string{"newest day fell by 300 (-30.0%, limit 20%)"}},
		{"day drop under limit", Rule{DayDrop: mustThreshold(t, "40%")}, Subject{Segment: tracked, Stats: fall}, nil},
		{"a rise is no drop", Rule{DayDrop: mustThreshold(t, "1%")}, Subject{Segment: tracked, Stats: rise}, nil},
		{"day rise abs", Rule{DayRise: mustThreshold(t, "50")}, Subject{Segment: tracked, Stats: rise}, []string{"newest day rose by 50 (+50.0%, limit 50)"}},
		{"window drop", Rule{WindowDrop: mustThreshold(t, "300")}, Subject{Segment: tracked, Stats: fall}, []string{"window fell by 300 (-30.0%, limit 300)"}},
		{"window rise", Rule{WindowRise: mustThreshold(t, "60%")}, Subject{Segment: tracked, Stats: rise}, nil},
		{"tracking off", Rule{TrackingOff: true}, Subject{Segment: client.Segment{ID: "u"}}, []string{"analytics tracking is off"}},
		{"stale behind", Rule{StaleDays: 2}, Subject{Segment: tracked, Stats: rise, Expected: yesterday.AddDays(2)}, []string{"no new data for 2 days (newest 2026-10-04)"}},
		{"stale flat", Rule{StaleDays: 3}, Subject{Segment: tracked, Stats: flat, Expected: yesterday}, []string{"size unchanged at 500 for 3 days"}},
		{"fresh", Rule{StaleDays: 3}, Subject{Segment: tracked, Stats: rise, Expected: yesterday}, nil},
	}
	for _, c := range cases {
		c.rule.Name = c.name
		var got []string
		for _, a := range c.rule.Evaluate(c.sub) {
			if a.Rule != c.name {
				t.Errorf("%s: alert names rule %q", c.name, a.Rule)
			}
			got = append(got, a.Reason)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestEvaluateAllAnomaly(t *testing.T) {
	sizes := make([]int64, 30)
	for i := range sizes {
		sizes[i] = 10_000 + int64(i%3)*20
	}
	sizes[29] = 6_000
	st := Analyze(pointsOf(sizes...), DefaultDetector())
	if !st.Anomaly || st.Score > -8 {
		t.Fatalf("a 40%% overnight fall on a quiet segment: %+v", st)
	}
	rules := []Rule{
		{Name: "breaks", Target: Target{All: true}, Anomaly: true},
		{Name: "vip", Target: Target{Tag: "vip"}, Anomaly: true},
	}
	alerts := EvaluateAll(rules, Subject{Segment: client.Segment{ID: "a", AnalyticsTrackingEnabled: true}, Stats: st}, nil)
	if len(alerts) != 1 || alerts[0].Rule != "breaks" || alerts[0].Reason != "unusual fall: the newest change is 80.6× the usual day-to-day variation" {
		t.Errorf("alerts %+v", alerts)
	}
}

func TestRuleUnmatched(t *testing.T) {
	all := []client.Segment{{ID: "id-1", Name: "VIP Users", Tags: []string{"vip"}}}
	lists := map[string][]string{"core": {"VIP Users", "Gone"}}
	rules := []Rule{
		{Name: "ok", Target: Target{Segments: []string{"id-1"}}, Anomaly: true},
		{Name: "gone", Target: Target{Segments: []string{"Gone Segment"}}, Anomaly: true},
		{Name: "list", Target: Target{Watchlist: "core"}, Anomaly: true},
		{Name: "nolist", Target: Target{Watchlist: "morning"}, Anomaly: true},
		{Name: "tag", Target: Target{Tag: "push"}, Anomaly: true},
		{Name: "all", Target: Target{All: true}, Anomaly: true},
	}
	got := strings.Join(UnmatchedAll(rules, all, lists), "\n")
	for _, want := range []string{`rule "gone" (segments): no segment has the id or name "Gone Segment"`,
		`rule "list" (watchlist "core"): no segment has the id or name "Gone"`,
		`rule "nolist": no watchlist "morning" in this workspace`, `rule "tag": no segment has the tag "push"`} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, `"ok"`) || strings.Contains(got, `"all"`) || strings.Count(got, "\n") != 3 {
		t.Errorf("too much:\n%s", got)
	}
}
