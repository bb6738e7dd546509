package brazetest

import "time"

// Hostile describes a data_series server that answers with the wrong days,
// for tests that the client refuses such answers rather than show sizes
// for days they are not of. The zero Hostile is a faithful server.
type Hostile struct {
	// ShiftDays moves every series by this many days (negative: a server
	// behind, positive: ahead), whatever was asked.
	ShiftDays int
	// IgnoreEndingAt answers every request as if ending_at were absent
	// (up to now).
	IgnoreEndingAt bool
	// ShortPast, when positive, cuts a series asked with ending_at to its
	// newest ShortPast days: the closed chunks of a long window come back
	// short.
	ShortPast int
}

// SetHostile makes data_series answer as h says (Hostile{} restores the
// faithful answers).
func (h *Handler) SetHostile(hs Hostile) {
	h.mu.Lock()
	h.hostile = hs
	h.mu.Unlock()
}

// seriesDays applies the hostile modes to a request: the time its series
// ends before and how many days it holds.
func (h *Handler) seriesDays(end time.Time, length int, endingAtGiven bool) (time.Time, int) {
	h.mu.Lock()
	hs := h.hostile
	h.mu.Unlock()
	if hs.IgnoreEndingAt {
		end = h.now()
	}
	if hs.ShortPast > 0 && endingAtGiven {
		length = min(length, hs.ShortPast)
	}
	return end.AddDate(0, 0, hs.ShiftDays), length
}
