package series

import (
	"slices"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
)

// Restore loads the last run's series, marked as such, and returns the
// newest fetch time among them.
func (s *Store) Restore(saved []snapshot.Series) time.Time {
	var newest time.Time
	for _, v := range saved {
		k := v.Key()
		s.states[k] = &State{Series: &client.Series{SegmentID: v.SegmentID, Length: v.Length, EndingAt: v.EndingAt,
			Points: v.Points}, Fetched: v.Fetched, FromDisk: true}
		if v.Fetched.After(newest) {
			newest = v.Fetched
		}
		if k.EndingAt.IsZero() && len(v.Points) > 0 {
			s.noteDay(v.Points[len(v.Points)-1].Day)
		}
	}
	s.pushAll()
	return newest
}

// Snapshot returns every fetched series of up to 100 days, for the next
// start.
func (s *Store) Snapshot() []snapshot.Series {
	var out []snapshot.Series
	for k, st := range s.states {
		// Windows past one request's 100 days are not saved: the
		// snapshot reader (client/snapshot) refuses a file holding one,
		// which would lose every series in it.
		if st.Series == nil || st.Fetched.IsZero() || k.Length > client.MaxLength {
			continue
		}
		out = append(out, snapshot.Series{SegmentID: k.SegmentID, Length: k.Length,
			EndingAt: k.EndingAt, Fetched: st.Fetched, Points: st.Series.Points})
	}
	return out
}

// LongWindowSegments are the segments held in a window over one request's
// 100 days: their closed chunks are worth keeping for the next start.
func (s *Store) LongWindowSegments() []string {
	var out []string
	for k, st := range s.states {
		if k.Length > client.MaxLength && st.Series != nil && !slices.Contains(out, k.SegmentID) {
			out = append(out, k.SegmentID)
		}
	}
	return out
}
