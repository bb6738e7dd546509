package config

import (
	"testing"

	"github.com/segdash/segdash/client"
)

func TestParseDays(t *testing.T) {
	for in, want := range map[string]int{"7d": 7, "2w": 14, " 1D ": 1, "366d": 366} {
		if got, err := ParseDays(in); err != nil || got != want {
			t.Errorf("%q: %d %v, want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"0d", "7", "53w", "xd", ""} {
		if _, err := ParseDays(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestSilenceRequest(t *testing.T) {
	today, _ := client.ParseDate("2026-12-06")
	s, err := SilenceRequest{Tag: " vip ", For: "7d", Reason: " import "}.Silence(today)
	if err != nil || s.Tag != "vip" || s.Until.String() != "2026-12-13" || s.Reason != "import" {
		t.Errorf("tag for 7d: %+v %v", s, err)
	}
	for _, r := range []SilenceRequest{
		{Tag: "a", Segment: "b", For: "1d", Reason: "r"},
		{Tag: "a", Until: "2026-12-05", Reason: "r"},
		{Tag: "a", Until: "2026-12-07", For: "1d", Reason: "r"},
		{Tag: "a", For: "1d"},
		{Workspaces: []string{" "}, For: "1d", Reason: "r"},
	} {
		if _, err := r.Silence(today); err == nil {
			t.Errorf("%+v accepted", r)
		}
	}
}
