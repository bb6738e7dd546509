package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/monitor"
)

// TestWriteCheckAdapts checks that every field of a check's result reaches
// the writers: the name, the points, the length and the breaches.
func TestWriteCheckAdapts(t *testing.T) {
	d := client.Date{Year: 2026, Month: 11, Day: 1}
	rep := &check.Report{Results: []check.Result{{Segment: client.Segment{ID: "id-1", Name: "VIP"},
		Series:   &client.Series{Length: 2, Points: []client.Point{{Day: d, Size: 10}, {Day: d.AddDays(1), Size: 12}}},
		Breaches: []check.Breach{{Rule: "--min", Reason: "latest size 12 is below --min 20", Severity: monitor.Warning, Threshold: true}}}}}
	var b bytes.Buffer
	if err := WriteCheck(&b, "json", rep, colorprofile.NoTTY, 80); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"segment_name": "VIP"`, `"length": 2`, `"size": 12`, "below --min 20", `"severity": "warning"`, `"window_change": 2`, `"schema_version": 1`, `"workspace": "default"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %s in %s", want, b.String())
		}
	}
}
