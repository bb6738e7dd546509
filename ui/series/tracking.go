package series

import (
	"errors"
	"strings"

	"github.com/segdash/segdash/client"
)

// IsTrackingError reports Braze's refusal of a series for a segment
// without analytics tracking (a 400 that says so): a fact about the
// segment, not a failure, and asking again will not change it.
func IsTrackingError(err error) bool {
	var ce *client.Error
	return errors.As(err, &ce) && errors.Is(err, client.ErrBadRequest) &&
		strings.Contains(strings.ToLower(ce.Message), "analytics tracking")
}

// failed reports whether st's last fetch failed (a refusal for lack of
// tracking is no failure).
func (st *State) failed() bool { return st.Err != nil && !IsTrackingError(st.Err) }

// Failing counts the series of the window shown whose last fetch failed
// and has not succeeded since (their last good data, if any, stays on
// screen). A segment without analytics tracking is not failing.
func (s *Store) Failing() int {
	n := 0
	for k, st := range s.states {
		if st.failed() && s.shown(k) {
			n++
		}
	}
	return n
}

// IsFailing reports whether the last fetch of segment id's series in the
// window shown failed.
func (s *Store) IsFailing(id string) bool {
	st := s.Get(id)
	return st != nil && st.failed()
}

// FailingIDs are the segments whose series in the window shown failed
// last, in no order.
func (s *Store) FailingIDs() []string {
	var ids []string
	for k, st := range s.states {
		if st.failed() && s.shown(k) {
			ids = append(ids, k.SegmentID)
		}
	}
	return ids
}
