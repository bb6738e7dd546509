package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// TestUpToNowDaysCheckedAgainstTheAPIsDay: an answer up to now whose days
// lie outside the length days before the API's day (its Date header) is a
// decode error, whether the server is 45 days behind or 400 ahead; a
// server on a clock of its own (hours or a year from ours) whose days
// match that clock is believed.
func TestUpToNowDaysCheckedAgainstTheAPIsDay(t *testing.T) {
	for _, tc := range []struct {
		name    string
		hostile brazetest.Hostile
		skew    time.Duration
		want    string
	}{
		{"45 days behind", brazetest.Hostile{ShiftDays: -45}, 0, "outside the 30 days up to the API's day 2026-11-15"},
		{"400 days ahead", brazetest.Hostile{ShiftDays: 400}, 0, "outside the 30 days up to the API's day 2026-11-15"},
		{"2 days behind", brazetest.Hostile{ShiftDays: -2}, 0, "outside the 30 days"},
		{"API past midnight before us", brazetest.Hostile{}, 10 * time.Hour, ""},
		{"API a year ahead of us", brazetest.Hostile{}, 365 * 24 * time.Hour, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			apiNow := fixedNow.Add(tc.skew)
			e := newEnv(t, brazetest.Options{Now: func() time.Time { return apiNow }}, client.WithRetries(0, 0))
			e.api.SetHostile(tc.hostile)
			id := firstTracked(e.api.Workspace()).ID
			s, _, err := e.c.DataSeries(context.Background(), id, 30, time.Time{})
			if tc.want == "" {
				if err != nil || len(s.Points) != 30 || s.Points[29].Day != client.DateOf(apiNow).AddDays(-1) || len(s.Warnings) != 0 {
					t.Fatalf("faithful server on its own clock: %v, %+v", err, s)
				}
				return
			}
			if !errors.Is(err, client.ErrDecode) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v; want a decode error saying %q", err, tc.want)
			}
		})
	}
}

// TestStaleSeriesWarns: a series that stops 45 days before the API's day,
// within the 100 days asked for, is believed (its sizes are real) but
// carries a warning naming its newest day and its age.
func TestStaleSeriesWarns(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", "Mon, 16 Nov 2026 14:30:00 GMT")
		fmt.Fprint(w, `{"message":"success","data":[{"time":"2026-09-30","size":10},{"time":"2026-10-01","size":11}]}`)
	})
	c, _ := client.New(srv.URL, "acc-key-0123456789abcdef", client.WithRetries(0, 0))
	s, _, err := c.DataSeries(context.Background(), "x", 100, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	want := "the newest size is of 2026-10-01, 45 days before the API's day 2026-11-15: the sizes shown are old"
	if len(s.Warnings) != 1 || s.Warnings[0] != want {
		t.Errorf("warnings %q, want %q", s.Warnings, want)
	}
}
