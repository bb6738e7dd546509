package client_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
)

// TestSeriesWithAmbiguousOrMissingDaysRefused: a day given two different
// sizes, and a day missing inside the series, are decode errors naming the
// day (and both sizes); nothing is kept or dropped silently.
func TestSeriesWithAmbiguousOrMissingDaysRefused(t *testing.T) {
	cases := []struct {
		name string
		data string
		want string
	}{
		// The tester's answer: newest first, 2026-11-24 twice with two
		// sizes, 2026-11-25 missing.
		{"duplicate day, two sizes", `{"time":"2026-11-27","size":1000},{"time":"2026-11-26","size":1000},` +
			`{"time":"2026-11-24","size":999999},{"time":"2026-11-24","size":1001},{"time":"2026-11-23","size":1000},{"time":"2026-11-22","size":1000}`,
			"2026-11-24 comes twice with different sizes (999999 and 1001)"},
		{"one day missing", `{"time":"2026-11-27","size":1},{"time":"2026-11-26","size":1},{"time":"2026-11-24","size":1}`,
			"2026-11-25 is missing: the series skips from 2026-11-24 to 2026-11-26"},
		{"days missing", `{"time":"2026-11-21","size":1},{"time":"2026-11-25","size":1}`,
			"2026-11-22 to 2026-11-24 (3 days) are missing"},
		{"no day", `{"time":"2026-11-21","size":1},{"size":1}`, "data[1].time: no day"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := seriesClient(t, tc.data).DataSeries(context.Background(), "x", 7, time.Time{})
			if !errors.Is(err, client.ErrDecode) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v (points %v), want a decode error saying %q", err, s, tc.want)
			}
		})
	}
}

// TestSeriesEdgesMayBeShort: fewer points than asked for, with no gap
// between them, are one point per day and accepted as they are.
func TestSeriesEdgesMayBeShort(t *testing.T) {
	s, _, err := seriesClient(t, `{"time":"2026-11-25","size":2},{"time":"2026-11-24","size":1}`).
		DataSeries(context.Background(), "x", 7, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(s.Points); got != "[{2026-11-24 1} {2026-11-25 2}]" || s.Duplicates != 0 {
		t.Errorf("points %s, %d duplicates; want the two days in order", got, s.Duplicates)
	}
}
