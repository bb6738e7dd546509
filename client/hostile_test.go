package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// TestHostileDaysRefused: a server whose answers hold other days than
// asked (closed chunks cut short, days shifted behind or ahead, ending_at
// ignored) gets a decode error naming the days, never a window with a gap
// or sizes of other dates; the faithful server's year joins up.
func TestHostileDaysRefused(t *testing.T) {
	for _, tc := range []struct {
		name    string
		hostile brazetest.Hostile
		want    string
	}{
		{"chunks cut to 30 of 100 days", brazetest.Hostile{ShortPast: 30}, "missing from the window"},
		{"10 days behind", brazetest.Hostile{ShiftDays: -10}, "outside the 100 days asked for"},
		{"45 days behind", brazetest.Hostile{ShiftDays: -45}, "outside the 100 days asked for"},
		{"400 days ahead", brazetest.Hostile{ShiftDays: 400}, "outside the 100 days asked for"},
		{"ending_at ignored", brazetest.Hostile{IgnoreEndingAt: true}, "outside the 100 days asked for"},
		{"faithful", brazetest.Hostile{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, brazetest.Options{}, client.WithRetries(0, 0))
			e.api.SetHostile(tc.hostile)
			cache := e.cache(client.CacheOptions{})
			id := firstTracked(e.api.Workspace()).ID
			s, err := cache.Window(context.Background(), id, 365, time.Time{}, 0)
			if tc.want == "" {
				if err != nil || len(s.Points) != 365 {
					t.Fatalf("faithful server: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted a window of %d points", len(s.Points))
			}
			if !errors.Is(err, client.ErrDecode) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v; want a decode error saying %q", err, tc.want)
			}
		})
	}
}

// TestWindowNamesTheMissingDays: a closed chunk cut to its newest 30 days
// leaves the 70 days before them missing, and the error says which.
func TestWindowNamesTheMissingDays(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	e.api.SetHostile(brazetest.Hostile{ShortPast: 30})
	cache := e.cache(client.CacheOptions{})
	id := firstTracked(e.api.Workspace()).ID
	end := fixedNow.AddDate(0, 0, -200)
	_, err := cache.Window(context.Background(), id, 150, end, 0)
	first, _ := client.WindowDays(150, end, fixedNow)
	if err == nil || !strings.Contains(err.Error(), first.String()+" to ") || !strings.Contains(err.Error(), "days) are missing") {
		t.Errorf("err = %v; want the missing days from %s named", err, first)
	}
}
