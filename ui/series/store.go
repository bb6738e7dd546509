// Package series is the dashboard's store of data series: what is loaded,
// loading or failed for each window, the fetch tokens that tell a reply
// from an older fetch, the newest day seen, and the window shown. It pushes
// a summary of each change to a Sink (the segment list). It has no Bubble
// Tea import: the root turns its decisions into commands.
package series

import (
	"fmt"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// Summary is what the list shows of a segment's series in the window shown.
type Summary struct {
	Values  []int64
	HasData bool
	Latest  int64
	Change  output.Change
	Loading bool
	Stale   bool
	Err     string
	// Untracked: Braze refused the series for lack of analytics tracking.
	Untracked bool
}

// Sink receives the summaries of the window shown.
type Sink interface {
	// SetSummary replaces what is known of segment id.
	SetSummary(id string, s Summary)
	// ClearSummaries forgets every summary (the window changed).
	ClearSummaries()
}

// State is what the dashboard knows of one series key.
type State struct {
	Series  *client.Series
	Fetched time.Time
	Err     error
	Loading bool
	// FromDisk marks data of the last run, not yet refreshed.
	FromDisk bool
	token    int64
}

// Windows returns the window lengths, in days, keys 1 to 5 pick.
func Windows() []int { return []int{7, 30, 90, 180, 365} }

// Step is how far [ and ] move the window, in days: a week for windows of
// up to 90 days, a month (30 days) for longer ones, so a year's window
// does not take 52 presses to move by a season.
func (s *Store) Step() int {
	if s.length <= 90 {
		return 7
	}
	return 30
}

// Store holds every series the session fetched, in every window.
type Store struct {
	states map[client.SeriesKey]*State
	seq    int64
	nowDay client.Date // the day after the newest point of an up-to-now series
	length int
	end    client.Date // zero: up to now
	// previous shows the previous period beside the window (PreviousKey).
	previous bool
	sink     Sink
	// version counts the changes pushed to the sink: equal versions, the
	// same summaries and states on screen.
	version int64
}

// New returns an empty store showing length days up to now.
func New(length int, sink Sink) *Store {
	return &Store{states: map[client.SeriesKey]*State{}, length: length, sink: sink}
}

// Length is the window's length in days.
func (s *Store) Length() int { return s.length }

// Key returns the window's key for a segment.
func (s *Store) Key(id string) client.SeriesKey {
	k := client.SeriesKey{SegmentID: id, Length: s.length}
	if !s.end.IsZero() {
		k.EndingAt = s.end.Time()
	}
	return k
}

// Get is the state of a segment in the window shown, or nil.
func (s *Store) Get(id string) *State { return s.states[s.Key(id)] }

// State is the state of key k, if any.
func (s *Store) State(k client.SeriesKey) (*State, bool) {
	st, ok := s.states[k]
	return st, ok
}

// Label says what window is shown: "30 days to now".
func (s *Store) Label() string {
	if s.end.IsZero() {
		return fmt.Sprintf("%d days to now", s.length)
	}
	return fmt.Sprintf("%d days to %s", s.length, s.end.AddDays(-1))
}

// SetLength shows windows of n days, reporting whether that changed.
func (s *Store) SetLength(n int) bool {
	if n == s.length {
		return false
	}
	s.length = n
	s.pushAll()
	return true
}

// Shift moves the window's end by days (back when negative); moving forward
// past the newest data returns to "up to now". today anchors the move
// while no data has told the newest day.
func (s *Store) Shift(days int, today client.Date) {
	anchor := s.nowDay
	if anchor.IsZero() {
		anchor = today
	}
	end := s.end
	if end.IsZero() {
		end = anchor
	}
	end = end.AddDays(days)
	if !end.Before(anchor) {
		end = client.Date{}
	}
	s.end = end
	s.pushAll()
}

// Wanted reports whether k should be fetched: it is neither known, nor on
// its way, nor failed; the last run's data is refreshed once.
func (s *Store) Wanted(k client.SeriesKey) bool {
	st, ok := s.states[k]
	return !ok || !(st.Loading || (st.Series != nil && !st.FromDisk) || st.Err != nil)
}

// Begin marks k loading (its old data stays) and returns the token its
// reply must carry.
func (s *Store) Begin(k client.SeriesKey) int64 {
	s.seq++
	st, ok := s.states[k]
	if !ok {
		st = &State{}
		s.states[k] = st
	}
	st.Loading, st.token = true, s.seq
	s.push(k)
	return s.seq
}

// Outcome is what a reply did to the store.
type Outcome int

// The outcomes of Finish.
const (
	Dropped  Outcome = iota // an older fetch, or a window no longer shown
	Canceled                // the session is ending
	Failed                  // the error is recorded; the last good data stays
	Loaded                  // new data
)

// Finish records the reply to the fetch of k that carried token.
func (s *Store) Finish(k client.SeriesKey, token int64, series *client.Series, err error, now time.Time) Outcome {
	st, ok := s.states[k]
	if !ok || st.token != token {
		return Dropped
	}
	st.Loading = false
	if !s.shown(k) && !s.isPrevious(k) {
		// A window no longer shown: drop the reply, and the state with it
		// unless it holds data worth keeping for a return to that window.
		if st.Series == nil {
			delete(s.states, k)
		}
		return Dropped
	}
	defer s.push(k)
	if err != nil {
		if client.IsCanceled(err) {
			return Canceled
		}
		st.Err = err
		return Failed
	}
	st.Series, st.Err, st.FromDisk, st.Fetched = series, nil, false, now
	if k.EndingAt.IsZero() {
		if p, ok := series.Latest(); ok {
			s.noteDay(p.Day)
		}
	}
	return Loaded
}

// shown reports whether k is of the window shown.
func (s *Store) shown(k client.SeriesKey) bool {
	w := s.Key(k.SegmentID)
	return k.Length == w.Length && k.EndingAt.Equal(w.EndingAt)
}

func (s *Store) noteDay(newest client.Date) {
	if d := newest.AddDays(1); s.nowDay.Before(d) {
		s.nowDay = d
	}
}

// Version changes whenever a series shown (or the window) changes.
func (s *Store) Version() int64 { return s.version }

// push tells the sink what is known of k, if k is in the window shown; a
// previous period changes the version (the chart shows it) but not the list.
func (s *Store) push(k client.SeriesKey) {
	if s.isPrevious(k) && !s.shown(k) {
		s.version++
		return
	}
	if !s.shown(k) {
		return
	}
	s.version++
	if s.sink != nil {
		s.sink.SetSummary(k.SegmentID, s.states[k].summary())
	}
}

// pushAll replaces the sink's summaries with the window shown.
func (s *Store) pushAll() {
	s.version++
	if s.sink == nil {
		return
	}
	s.sink.ClearSummaries()
	for k := range s.states {
		s.push(k)
	}
}

func (st *State) summary() Summary {
	var sum Summary
	if st == nil {
		return sum
	}
	sum.Loading = st.Loading
	if st.Err != nil {
		sum.Err = st.Err.Error()
		sum.Stale = true
		sum.Untracked = IsTrackingError(st.Err)
	}
	if st.Series != nil && len(st.Series.Points) > 0 {
		sum.HasData = true
		pts := st.Series.Points
		sum.Values = make([]int64, len(pts))
		for i, p := range pts {
			sum.Values[i] = p.Size
		}
		sum.Latest = pts[len(pts)-1].Size
		// From the first day with data: a segment created within the
		// window did not rise from nothing.
		sum.Change = output.ChangeOf(client.WithData(pts)[0].Size, sum.Latest)
	}
	return sum
}
