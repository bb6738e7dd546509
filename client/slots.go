package client

import (
	"context"
	"sync"
)

// priority orders the requests waiting for a slot.
type priority int

const (
	// normalPriority is a series or details request.
	normalPriority priority = iota
	// listPriority is a list page: a listing is what every other request
	// waits on (names, the rows on screen), so its pages go first.
	listPriority
)

// slots bounds the requests in flight and hands free slots to list pages
// before any other request. While a listing runs, the slots it reserved
// (its pages in flight) are kept for it: a slot a page frees goes to its
// next page, so the listing runs at its full width from the first page to
// the last — but for one: with three slots or more, one request of
// another kind may be in flight whenever one waits, so that the rows a
// dashboard shows get their charts during a long first listing instead of
// after it (what a person sees first), for a listing about a third slower
// at the default width of 4. A listing nothing else waits on (check, scan)
// keeps every slot. Within one priority, first come, first served.
type slots struct {
	mu       sync.Mutex
	max      int
	inUse    int
	listUse  int // slots held by list pages
	reserved int // slots kept for the listings running
	queue    [2][]*ticket
}

// ticket is one request's place in the queue; granted is closed when it
// holds a slot.
type ticket struct {
	prio    priority
	granted chan struct{}
	held    bool
}

func newSlots(max int) *slots { return &slots{max: max} }

// acquire waits for a slot (ctx ends the wait).
func (s *slots) acquire(ctx context.Context, p priority) error {
	return s.await(ctx, s.enter(p))
}

// enter queues a request for a slot; the slot may be granted at once.
func (s *slots) enter(p priority) *ticket {
	t := &ticket{prio: p, granted: make(chan struct{})}
	s.mu.Lock()
	s.queue[p] = append(s.queue[p], t)
	s.dispatch()
	s.mu.Unlock()
	return t
}

// await waits until t holds a slot, or leaves the queue when ctx ends.
func (s *slots) await(ctx context.Context, t *ticket) error {
	select {
	case <-t.granted:
		return nil
	case <-ctx.Done():
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if t.held { // granted meanwhile: give the slot back
		s.free(t.prio)
		return ctx.Err()
	}
	q := s.queue[t.prio]
	for i, w := range q {
		if w == t {
			s.queue[t.prio] = append(q[:i:i], q[i+1:]...)
			break
		}
	}
	return ctx.Err()
}

// release gives back a slot held at priority p.
func (s *slots) release(p priority) {
	s.mu.Lock()
	s.free(p)
	s.mu.Unlock()
}

// reserve keeps n more slots (n < 0: fewer) for list pages while a
// listing runs.
func (s *slots) reserve(n int) {
	s.mu.Lock()
	s.reserved += n
	s.dispatch()
	s.mu.Unlock()
}

func (s *slots) free(p priority) {
	s.inUse--
	if p == listPriority {
		s.listUse--
	}
	s.dispatch()
}

// dispatch grants free slots to waiting tickets: list pages first; other
// requests only to slots no listing keeps for its pages.
func (s *slots) dispatch() {
	for s.inUse < s.max {
		var p priority
		switch {
		case len(s.queue[normalPriority]) > 0 && s.max >= 3 && s.inUse == s.listUse:
			p = normalPriority // the one slot a listing leaves to others
		case len(s.queue[listPriority]) > 0:
			p = listPriority
		case len(s.queue[normalPriority]) > 0 && s.inUse+s.keptForList() < s.max:
			p = normalPriority
		default:
			return
		}
		t := s.queue[p][0]
		s.queue[p] = s.queue[p][1:]
		s.inUse++
		if p == listPriority {
			s.listUse++
		}
		t.held = true
		close(t.granted)
	}
}

// keptForList is how many free slots the running listings keep.
func (s *slots) keptForList() int {
	return max(0, min(s.reserved, s.max)-s.listUse)
}

// busy reports the slots held, for tests.
func (s *slots) busy() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inUse
}
