package client

import (
	"net/http"
	"testing"
	"time"
)

func TestRateStateKeepsNewest(t *testing.T) {
	hour := time.Date(2026, 11, 16, 15, 0, 0, 0, time.UTC)
	var s rateState
	steps := []struct {
		in   Rate
		want int // Remaining recorded after in arrives
	}{
		{Rate{Limit: 10, Remaining: 5, Reset: hour, Known: true}, 5},
		{Rate{Limit: 10, Remaining: 7, Reset: hour, Known: true}, 5}, // an older answer arriving late
		{Rate{Limit: 10, Remaining: 4, Reset: hour, Known: true}, 4}, // newer in the same window
		{Rate{}, 4}, // no headers
		{Rate{Limit: 10, Remaining: 9, Reset: hour.Add(time.Hour), Known: true}, 9}, // the next window
		{Rate{Limit: 10, Remaining: 0, Reset: hour, Known: true}, 9},                // the last window, late
	}
	for i, st := range steps {
		s.set(st.in)
		if got := s.get().Remaining; got != st.want {
			t.Errorf("step %d: remaining %d, want %d", i, got, st.want)
		}
	}
}

// FuzzRateHeaders: no header makes a wait negative or longer than the
// hourly window, whatever its value.
func FuzzRateHeaders(f *testing.F) {
	f.Add("250000", "0", "9999999999", "9300000000")
	f.Add("", "", "", "")
	f.Add("-1", "x", "-5", "Wed, 21 Oct 2915 07:28:00 GMT")
	f.Add("1", "1", "1", "Wed, 21 Oct 2015 07:28:00 GMT")
	now := time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, limit, remaining, reset, retry string) {
		h := http.Header{}
		h.Set("X-RateLimit-Limit", limit)
		h.Set("X-RateLimit-Remaining", remaining)
		h.Set("X-RateLimit-Reset", reset)
		h.Set("Retry-After", retry)
		r := parseRate(h, now)
		if r.Reset.After(now.Add(rateWindow)) || r.Limit < 0 || r.Remaining < 0 {
			t.Fatalf("rate %+v out of bounds", r)
		}
		var s rateState
		s.set(r)
		if until, ok := s.exhaustedUntil(now); ok && until.Sub(now) > rateWindow {
			t.Fatalf("locked for %v", until.Sub(now))
		}
		if d, ok := retryAfter(h, now); ok && (d < 0 || d > rateWindow) {
			t.Fatalf("Retry-After %q read as %v", retry, d)
		}
	})
}
