package client

import (
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
