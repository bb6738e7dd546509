package check_test

import (
	"context"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/monitor"
)

// TestCriticalTiers: a size under both limits is one critical breach, not
// a warning as well; under the warning limit only, one warning; a critical
// rule makes a critical breach.
func TestCriticalTiers(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 60)
	_, cache, _ := serve(t, ws)
	seg := uniqueTracked(ws, 1)[0]
	huge, big := int64(1e15), int64(1e14)
	cases := []struct {
		th    check.Thresholds
		rules []monitor.Rule
		want  []monitor.Severity
	}{
		{check.Thresholds{Min: &huge}, nil, []monitor.Severity{monitor.Warning}},
		{check.Thresholds{Min: &huge, CriticalMin: &big}, nil, []monitor.Severity{monitor.Critical}},
		{check.Thresholds{}, []monitor.Rule{{Name: "floor", Target: monitor.Target{All: true}, Below: &huge, Severity: monitor.Critical}},
			[]monitor.Severity{monitor.Critical}},
		{check.Thresholds{}, []monitor.Rule{{Name: "floor", Target: monitor.Target{All: true}, Below: &huge}}, []monitor.Severity{monitor.Warning}},
	}
	for i, c := range cases {
		o := check.Options{Length: 30, Now: clock, Thresholds: c.th}
		if c.rules != nil {
			o.Rules = &check.Rules{Rules: c.rules}
		}
		rep, err := check.Run(context.Background(), cache, []string{seg.ID}, o)
		if err != nil || len(rep.Results) != 1 {
			t.Fatalf("%d: %v %+v", i, err, rep)
		}
		var got []monitor.Severity
		for _, b := range rep.Results[0].Breaches {
			got = append(got, b.Severity)
		}
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) || rep.Worst() != c.want[0] {
			t.Errorf("%d: breaches %+v, worst %q; want %v", i, rep.Results[0].Breaches, rep.Worst(), c.want)
		}
	}
}

// TestDrop: the fall is measured from the first day with data.
func TestDrop(t *testing.T) {
	d := client.Date{Year: 2026, Month: 11, Day: 1}
	s := &client.Series{Points: []client.Point{{Day: d, Size: 0}, {Day: d.AddDays(1), Size: 200}, {Day: d.AddDays(2), Size: 150}}}
	if drop, ok := check.Drop(s); !ok || drop != 25 {
		t.Errorf("drop %v %v, want 25", drop, ok)
	}
	if _, ok := check.Drop(&client.Series{}); ok {
		t.Error("a drop without data")
	}
}
