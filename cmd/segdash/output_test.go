package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

// TestWriteCheckAdapts checks that every field of a checkResult reaches
// the writers: the name, the points, the length and the breaches.
func TestWriteCheckAdapts(t *testing.T) {
	d := client.Date{Year: 2026, Month: 11, Day: 1}
	res := []checkResult{{Segment: client.Segment{ID: "id-1", Name: "VIP"},
		Series:   &client.Series{Length: 2, Points: []client.Point{{Day: d, Size: 10}, {Day: d.AddDays(1), Size: 12}}},
		Breaches: []string{"latest size 12 is below --min 20"}}}
	var b bytes.Buffer
	if err := writeCheck(&b, func(string) string { return "" }, &checkFlags{format: "json"}, res, nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"segment_name": "VIP"`, `"length": 2`, `"size": 12`, "below --min 20"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %s in %s", want, b.String())
		}
	}
}

// TestDescribeMakesIDsSafe: ids come from the API too, and the BREACH line
// on stderr names the segment by id.
func TestDescribeMakesIDsSafe(t *testing.T) {
	for _, s := range []client.Segment{{ID: "id\x1b]0;pwned\x07"}, {ID: "id\u202e", Name: "n"}} {
		if got := describe(s); strings.ContainsAny(got, "\x1b\x07\u202e") {
			t.Errorf("describe(%q) = %q", s.ID, got)
		}
	}
}
