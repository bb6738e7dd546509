package monitor

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

func TestRowOfAndJSON(t *testing.T) {
	seg := client.Segment{ID: "id-1", Name: "A", AnalyticsTrackingEnabled: true}
	ok := Result{Segment: seg, Done: true, Stats: Analyze(pointsOf(100, 0, 50), DefaultDetector())}
	b, err := json.Marshal(RowOf(ok))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"segment_id":"id-1","segment_name":"A","tags":[],"status":"ok","latest":{"date":"2026-10-03","size":50},"day_change":50,"day_change_pct":null,"window_change":-50,"window_change_pct":-50,"anomaly":false,"score":0,"alerts":[]}`
	if string(b) != want {
		t.Errorf("json\n got %s\nwant %s", b, want)
	}
	cases := map[string]Result{
		StatusTrackingOff: {Segment: client.Segment{ID: "u"}, Done: true},
		StatusFailed:      {Segment: seg, Done: true, Err: errors.New("boom")},
		StatusNotReached:  {Segment: seg},
	}
	for want, r := range cases {
		if row := RowOf(r); row.Status != want || row.Latest != nil || row.DayChange != nil {
			t.Errorf("%s: %+v", want, row)
		}
	}
}

func TestSortRows(t *testing.T) {
	mk := func(name string, sizes ...int64) Row {
		r := Result{Segment: client.Segment{ID: name, Name: name, AnalyticsTrackingEnabled: true}, Done: true}
		if sizes != nil {
			r.Stats = Analyze(pointsOf(sizes...), DefaultDetector())
		}
		return RowOf(r)
	}
	rows := []Row{mk("nodata"), mk("small", 100, 101), mk("big-fall", 100, 50), mk("rise", 100, 130), mk("from-zero", 5, 0, 7), mk("b-flat", 5, 5), mk("a-flat", 5, 5)}
	if !SortRows(rows, ByDay) {
		t.Fatal("day is an order")
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.SegmentName)
	}
	if s := strings.Join(got, " "); s != "from-zero big-fall rise small a-flat b-flat nodata" {
		t.Errorf("by day: %s", s)
	}
	if SortRows(rows, "size") {
		t.Error("size is not an order")
	}
}
