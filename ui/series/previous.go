package series

import (
	"time"

	"github.com/segdash/segdash/client"
)

// Previous reports whether the previous period is shown beside the window.
func (s *Store) Previous() bool { return s.previous }

// TogglePrevious shows or hides the previous period, reporting whether it
// is now shown.
func (s *Store) TogglePrevious() bool {
	s.previous = !s.previous
	s.version++
	return s.previous
}

// PreviousKey is the key of segment id's previous period: the window's
// length, ending where the window shown starts (client.PreviousPeriod).
// An up-to-now window ends with the API's newest day, which the data
// seen so far tells (nowDay): now is only the fallback before any.
func (s *Store) PreviousKey(id string, now time.Time) client.SeriesKey {
	w := s.Key(id)
	if !s.nowDay.IsZero() {
		now = s.nowDay.Time()
	}
	return client.SeriesKey{SegmentID: id, Length: w.Length, EndingAt: client.PreviousPeriod(w.Length, w.EndingAt, now)}
}

// GetPrevious is the state of segment id's previous period, or nil when
// it is not shown or not known.
func (s *Store) GetPrevious(id string, now time.Time) *State {
	if !s.previous {
		return nil
	}
	return s.states[s.PreviousKey(id, now)]
}

// isPrevious reports whether k may be a previous period of the window
// shown, whose reply is kept (but not pushed to the list). Without a
// clock an up-to-now window's previous period is any closed window of
// its length: such a reply is right for its own key either way.
func (s *Store) isPrevious(k client.SeriesKey) bool {
	if !s.previous || k.Length != s.length || k.EndingAt.IsZero() {
		return false
	}
	return s.end.IsZero() || k.EndingAt.Equal(s.end.AddDays(-s.length).Time())
}
