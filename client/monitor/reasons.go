package monitor

// This file writes the numbers of alert reasons. Reasons are prose that a
// person reads in every output (the scan table, the dashboard, check's
// BREACH lines, JSON, CSV and Nagios), and a rule's limit is exact, so
// every number is written in full and grouped like the sizes segdash prints
// elsewhere: "size 865,982 is below 900,000", never 865982 or 866k.

import (
	"math"
	"strings"

	"github.com/segdash/segdash/client/num"
)

// text writes t for a reason: a percentage as configured ("12.5%"), a
// number of users grouped ("5,000").
func (t Threshold) text() string {
	if t.Percent {
		return num.Fixed(t.Value, -1) + "%"
	}
	return num.Fixed(t.Value, -1)
}

// changeText writes the size of a signed change, its percent of base when
// there is one, and the limit it passed: "1,234 (-12.3%, limit 1,000)".
func changeText(change, base int64, limit string) string {
	s := num.Grouped(change)
	s = strings.TrimPrefix(s, "-") // the verb says which way; MinInt64 has no positive twin
	if p := num.Pct(change, base); !math.IsNaN(p) {
		return s + " (" + pctText(p) + ", limit " + limit + ")"
	}
	return s + " (limit " + limit + ")"
}

// pctText writes a percentage with its sign and one decimal: "+50.0%",
// "-12,345.6%".
func pctText(p float64) string {
	s := num.Fixed(p, 1)
	if !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	return s + "%"
}

// anomalyText says why st is an anomaly.
func anomalyText(st Stats) string {
	verb := "rise"
	if st.Score < 0 {
		verb = "fall"
	}
	return "unusual " + verb + ": the newest change is " + num.Fixed(math.Abs(st.Score), 1) + "× the usual day-to-day variation"
}
