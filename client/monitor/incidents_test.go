package monitor

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/segdash/segdash/client"
)

var day5 = client.Date{Year: 2026, Month: 12, Day: 5}

// moved is a scanned segment whose newest day (on day) changed by pct
// percent of 1,000,000, with one firing alert.
func moved(id string, tags []string, day client.Date, pct float64) Result {
	base := int64(1_000_000)
	change := int64(float64(base) * pct / 100)
	return Result{
		Segment: client.Segment{ID: id, Name: "seg " + id, Tags: tags, AnalyticsTrackingEnabled: true},
		Done:    true,
		Stats: Stats{HasLatest: true, Latest: client.Point{Day: day, Size: base + change},
			HasDay: true, DayChange: change, DayPct: pct},
		Alerts: []Alert{{Rule: "drop", Reason: "fell", Severity: Warning}},
	}
}

func memberIDs(results []Result, in Incident) []string {
	var ids []string
	for _, i := range in.Members {
		ids = append(ids, results[i].Segment.ID)
	}
	return ids
}

func TestIncidentGroupsSegmentsThatMoveTogether(t *testing.T) {
	var results []Result
	for i := range 6 {
		results = append(results, moved(fmt.Sprint("w", i), []string{"warehouse"}, day5, -49-float64(i%2)))
	}
	results = append(results, moved("lone", []string{"warehouse"}, day5.AddDays(-1), -60))
	got := Incidents(results, 0)
	if len(got) != 1 {
		t.Fatalf("incidents = %d, want 1: %+v", len(got), got)
	}
	in := got[0]
	if in.Direction != Fell || in.Tag != "warehouse" || in.Date != day5 || len(in.Members) != 6 {
		t.Fatalf("incident = %+v", in)
	}
	if s := in.Summary(); s != "6 segments tagged warehouse fell 49–50% on Dec 5 2026" {
		t.Fatalf("summary = %q", s)
	}
	if slices.Contains(memberIDs(results, in), "lone") {
		t.Fatal("a segment that moved on another day joined the incident")
	}
}

func TestIncidentNeverMixesDirections(t *testing.T) {
	results := []Result{
		moved("a", nil, day5, -40), moved("b", nil, day5, -41),
		moved("c", nil, day5, 30), moved("d", nil, day5, 31),
	}
	if got := Incidents(results, 3); len(got) != 0 {
		t.Fatalf("two falls and two rises made an incident: %+v", got)
	}
	results = append(results, moved("e", nil, day5, 32))
	got := Incidents(results, 3)
	if len(got) != 1 || got[0].Direction != Rose || !slices.Equal(memberIDs(results, got[0]), []string{"c", "d", "e"}) {
		t.Fatalf("incidents = %+v", got)
	}
	if got[0].Tag != "" {
		t.Fatalf("untagged segments got tag %q", got[0].Tag)
	}
}

func TestIncidentPrefersTheLargestSharedTag(t *testing.T) {
	results := []Result{
		moved("a", []string{"etl", "push"}, day5, -20),
		moved("b", []string{"ETL"}, day5, -21),
		moved("c", []string{"etl"}, day5, -22),
		moved("d", []string{"push"}, day5, -23),
		moved("e", []string{"push"}, day5, -24),
		moved("f", nil, day5, -25),
	}
	got := Incidents(results, 3)
	if len(got) != 2 {
		t.Fatalf("incidents = %+v", got)
	}
	// etl has a, b, c (tags in any case); push has a, d, e: a joins the
	// first found, and push keeps only d, e, which with f (untagged) still
	// fell on the same day: one untagged incident of d, e, f.
	if got[0].Tag != "etl" || !slices.Equal(memberIDs(results, got[0]), []string{"a", "b", "c"}) {
		t.Fatalf("first incident = %+v %v", got[0], memberIDs(results, got[0]))
	}
	if got[1].Tag != "" || !slices.Equal(memberIDs(results, got[1]), []string{"d", "e", "f"}) {
		t.Fatalf("second incident = %+v %v", got[1], memberIDs(results, got[1]))
	}
}

func TestIncidentLeavesOutSilencedFailedAndQuiet(t *testing.T) {
	silenced := moved("s", []string{"t"}, day5, -50)
	silenced.Alerts[0].Silenced = "silenced until 2026-12-31: known"
	failed := moved("f", []string{"t"}, day5, -50)
	failed.Err = fmt.Errorf("boom")
	quiet := moved("q", []string{"t"}, day5, -50)
	quiet.Alerts = nil
	results := []Result{moved("a", []string{"t"}, day5, -50), moved("b", []string{"t"}, day5, -50), silenced, failed, quiet}
	if got := Incidents(results, 3); len(got) != 0 {
		t.Fatalf("incidents = %+v", got)
	}
}

func TestIncidentSummaryWithoutPercent(t *testing.T) {
	in := Incident{Date: day5, Direction: Rose, Members: []int{0, 1, 2}, MinPct: math.NaN(), MaxPct: math.NaN()}
	if s := in.Summary(); s != "3 segments rose on Dec 5 2026" {
		t.Fatalf("summary = %q", s)
	}
}
