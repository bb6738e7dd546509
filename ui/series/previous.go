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
// length, ending where the window shown starts. That start is the first
// day of the window's data when it is there: the previous period then
// lines up with the series on screen, whatever day the API or our clock
// has reached since. Before, it is where the window starts by the API's
// newest day seen (nowDay), else by now (client.PreviousPeriod).
func (s *Store) PreviousKey(id string, now time.Time) client.SeriesKey {
	w := s.Key(id)
	if st := s.states[w]; st != nil && st.Series != nil && len(st.Series.Points) > 0 {
		return client.SeriesKey{SegmentID: id, Length: w.Length, EndingAt: st.Series.Points[0].Day.Time()}
	}
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
