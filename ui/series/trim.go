package series

import (
	"time"

	"github.com/segdash/segdash/client"
)

// Len is how many series (of every window) the store holds.
func (s *Store) Len() int { return len(s.states) }

// Trim drops every series of a segment keep refuses (of every window):
// the store holds what is charted, selected and on screen; the cache's
// LRU keeps the rest, to be adopted again without a request. The list
// keeps what it sorts by (latest size, change) but not the sparkline's
// values, which come back with the series. Series whose last fetch failed
// stay, so the failure is not forgotten.
func (s *Store) Trim(keep func(id string) bool) {
	for k, st := range s.states {
		if keep(k.SegmentID) || st.failed() {
			// A failure is kept until a fetch succeeds: the count of
			// failing rows and their marks stay true off screen.
			continue
		}
		if s.sink != nil && s.shown(k) {
			sum := st.summary()
			sum.Values, sum.Loading = nil, false
			s.sink.SetSummary(k.SegmentID, sum)
		}
		delete(s.states, k)
	}
}

// Adopt takes a series the cache remembers for a key the store does not
// hold (a row scrolled back on screen): its data shows at once, with the
// time it was fetched.
func (s *Store) Adopt(k client.SeriesKey, series *client.Series, fetched time.Time) {
	if _, ok := s.states[k]; ok || series == nil {
		return
	}
	s.states[k] = &State{Series: series, Fetched: fetched}
	if k.EndingAt.IsZero() {
		if p, ok := series.Latest(); ok {
			s.noteDay(p.Day)
		}
	}
	s.push(k)
}
