package client

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// rateWindow is Braze's rate-limit window: no wait it asks for can be
// longer, so a reset or Retry-After further ahead is clamped to it (a
// hostile or broken header must not stop the client for life).
const rateWindow = time.Hour

// parseRate reads X-RateLimit-Limit, -Remaining and -Reset (epoch seconds).
// Header lookup is case-insensitive, so HTTP/2's lowercase names work too.
// Empty or malformed values leave Known false. A reset more than one
// window after now is read as one window after now.
func parseRate(h http.Header, now time.Time) Rate {
	limit, okL := atoiHeader(h, "X-RateLimit-Limit")
	rem, okR := atoiHeader(h, "X-RateLimit-Remaining")
	reset, okS := atoiHeader(h, "X-RateLimit-Reset")
	if !okL && !okR && !okS {
		return Rate{}
	}
	r := Rate{Limit: limit, Remaining: rem, Known: okR}
	if okS && reset > 0 {
		r.Reset = time.Unix(min(int64(reset), now.Add(rateWindow).Unix()), 0).UTC()
	}
	return r
}

func atoiHeader(h http.Header, name string) (int, bool) {
	v := strings.TrimSpace(h.Get(name))
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date,
// clamped to 0..rateWindow.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil && s >= 0 {
		// Clamp before multiplying: seconds * time.Second overflows.
		return time.Duration(min(s, int64(rateWindow/time.Second))) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), rateWindow), true
	}
	return 0, false
}

// rateState is the last rate-limit state seen, shared by every caller of a
// Client so that an exhausted limit stops all of them at once.
type rateState struct {
	mu   sync.Mutex
	last Rate
}

// set records r unless an answer already recorded is newer: answers to
// concurrent requests arrive in any order, and within one window the
// budget only shrinks, so a later window, or the same window with less
// left, is the newer state.
func (s *rateState) set(r Rate) {
	if !r.Known {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.last
	if old.Known && (r.Reset.Before(old.Reset) || r.Reset.Equal(old.Reset) && r.Remaining > old.Remaining) {
		return
	}
	s.last = r
}

func (s *rateState) get() Rate {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// exhaustedUntil returns the reset time while the limit is used up.
func (s *rateState) exhaustedUntil(now time.Time) (time.Time, bool) {
	return s.get().ExhaustedUntil(now)
}
