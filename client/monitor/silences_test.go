package monitor

import (
	"testing"

	"github.com/segdash/segdash/client"
)

func TestSilenceCovers(t *testing.T) {
	seg := client.Segment{ID: "id1", Name: "Nightly Import", Tags: []string{"ETL"}}
	until := client.Date{Year: 2026, Month: 12, Day: 10}
	cases := []struct {
		name  string
		s     Silence
		ws    string
		today client.Date
		want  bool
	}{
		{"by id", Silence{Segment: "id1", Until: until}, "us", day5, true},
		{"by name in any case", Silence{Segment: "nightly import", Until: until}, "us", day5, true},
		{"another segment", Silence{Segment: "id2", Until: until}, "us", day5, false},
		{"by tag in any case", Silence{Tag: "etl", Until: until}, "us", day5, true},
		{"another tag", Silence{Tag: "push", Until: until}, "us", day5, false},
		{"the workspace", Silence{Workspace: "us", Until: until}, "us", day5, true},
		{"another workspace", Silence{Workspace: "eu", Until: until}, "us", day5, false},
		{"its last day", Silence{Segment: "id1", Until: until}, "us", until, true},
		{"expired", Silence{Segment: "id1", Until: until}, "us", until.AddDays(1), false},
	}
	for _, c := range cases {
		if got := c.s.Covers(seg, c.ws, c.today); got != c.want {
			t.Errorf("%s: Covers = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSilenceValidate(t *testing.T) {
	until := client.Date{Year: 2026, Month: 12, Day: 10}
	bad := []Silence{
		{Until: until, Reason: "r"},
		{Segment: "a", Tag: "b", Until: until, Reason: "r"},
		{Segment: "a", Reason: "r"},
		{Segment: "a", Until: until},
	}
	for _, s := range bad {
		if s.Validate() == nil {
			t.Errorf("%+v validated", s)
		}
	}
	if err := (Silence{Tag: "etl", Until: until, Reason: "import moved"}).Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestApplySilencesKeepsAlertsAndStopsThemFiring(t *testing.T) {
	results := []Result{moved("a", []string{"etl"}, day5, -50), moved("b", nil, day5, -50)}
	results[1].Alerts[0].Severity = Critical
	ApplySilences(results, []Silence{{Tag: "etl", Until: day5, Reason: "import moved"}}, "us", day5)
	if len(results[0].Alerts) != 1 || results[0].Alerts[0].Silenced != "silenced until 2026-12-05: import moved" {
		t.Fatalf("alerts = %+v", results[0].Alerts)
	}
	if len(Firing(results[0].Alerts)) != 0 || Worst(results[0].Alerts) != "" {
		t.Fatal("a silenced alert still fires")
	}
	if Worst(results[1].Alerts) != Critical || results[1].Alerts[0].Silenced != "" {
		t.Fatalf("an unsilenced critical alert: %+v", results[1].Alerts)
	}
}

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]Severity{"": Warning, "warning": Warning, "CRITICAL": Critical} {
		if got, err := ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseSeverity("page"); err == nil {
		t.Error("page accepted")
	}
}
