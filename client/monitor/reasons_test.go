package monitor

import (
	"testing"

	"github.com/segdash/segdash/client"
)

// TestReasonsGroupNumbers: every number in a reason is written in full and
// grouped, like the sizes segdash prints elsewhere ("size 865,982 is below
// 900,000", not "size 865982 is below 900000"), and a limit in users too.
func TestReasonsGroupNumbers(t *testing.T) {
	seg := client.Segment{ID: "a", Name: "A", AnalyticsTrackingEnabled: true}
	fall := Analyze(pointsOf(1_200_000, 1_200_000, 1_200_000, 865_982), DefaultDetector())
	flat := Analyze(pointsOf(1_234_567, 1_234_567, 1_234_567, 1_234_567, 1_234_567, 1_234_567), DefaultDetector())
	boom := Analyze(pointsOf(10, 10, 10, 2_500_000), DefaultDetector())
	cases := []struct {
		name string
		rule Rule
		sub  Subject
		want string
	}{
		{"below", Rule{Below: ptr(int64(900_000))}, Subject{Segment: seg, Stats: fall}, "size 865,982 is below 900,000"},
		{"above", Rule{Above: ptr(int64(1_000_000))}, Subject{Segment: seg, Stats: flat}, "size 1,234,567 is above 1,000,000"},
		{"drop in users", Rule{DayDrop: mustThreshold(t, "5000")}, Subject{Segment: seg, Stats: fall},
			"newest day fell by 334,018 (-27.8%, limit 5,000)"},
		{"drop in percent", Rule{WindowDrop: mustThreshold(t, "12.5%")}, Subject{Segment: seg, Stats: fall},
			"window fell by 334,018 (-27.8%, limit 12.5%)"},
		{"rise past a thousand percent", Rule{DayRise: mustThreshold(t, "1000%")}, Subject{Segment: seg, Stats: boom},
			"newest day rose by 2,499,990 (+24,999,900.0%, limit 1,000%)"},
		{"unchanged", Rule{StaleDays: 5}, Subject{Segment: seg, Stats: flat}, "size unchanged at 1,234,567 for 5 days"},
		{"behind", Rule{StaleDays: 2}, Subject{Segment: seg, Stats: fall, Expected: day0.AddDays(1003)}, "no new data for 1,000 days (newest 2026-10-04)"},
	}
	for _, c := range cases {
		c.rule.Name = c.name
		alerts := c.rule.Evaluate(c.sub)
		if len(alerts) != 1 || alerts[0].Reason != c.want {
			t.Errorf("%s: got %+v, want %q", c.name, alerts, c.want)
		}
	}
}
