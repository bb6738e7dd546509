package client

import (
	"context"
	"testing"
)

// granted reports whether t holds a slot, without waiting.
func granted(t *ticket) bool {
	select {
	case <-t.granted:
		return true
	default:
		return false
	}
}

// TestSlotsListFirst: a slot that frees goes to a list page before a
// series queued earlier; while a listing keeps its slots, a free one is
// not given to a series; a series leaving the queue gives nothing back.
func TestSlotsListFirst(t *testing.T) {
	s := newSlots(2)
	a, b := s.enter(normalPriority), s.enter(normalPriority)
	if !granted(a) || !granted(b) {
		t.Fatal("two free slots not granted")
	}
	series := s.enter(normalPriority)
	page := s.enter(listPriority)
	s.release(normalPriority)
	if !granted(page) || granted(series) {
		t.Fatalf("freed slot went to the series (page %v, series %v)", granted(page), granted(series))
	}
	s.reserve(2) // a listing of width 2 runs: both slots are its own
	s.release(normalPriority)
	if granted(series) {
		t.Fatal("a series took a slot the listing keeps")
	}
	s.reserve(-2) // the listing ends
	if !granted(series) {
		t.Fatal("the series waits after the listing ended")
	}
	ctx, cancel := context.WithCancel(context.Background())
	late := s.enter(normalPriority)
	cancel()
	if err := s.await(ctx, late); err == nil {
		t.Fatal("a cancelled wait succeeded")
	}
	s.release(listPriority)
	s.release(normalPriority)
	if n := s.busy(); n != 0 {
		t.Errorf("%d slots busy after every holder released, want 0", n)
	}
}

// TestSlotsLeaveOneToOthersDuringAListing: with four slots and a listing
// keeping all four, a series waiting gets one (the rows on screen are
// charted during a long first listing), never two; a listing nothing
// else waits on keeps every slot.
func TestSlotsLeaveOneToOthersDuringAListing(t *testing.T) {
	s := newSlots(4)
	s.reserve(4)
	var pages []*ticket
	for range 4 {
		pages = append(pages, s.enter(listPriority))
	}
	for i, p := range pages {
		if !granted(p) {
			t.Fatalf("page %d waits with no other request waiting", i)
		}
	}
	first, second := s.enter(normalPriority), s.enter(normalPriority)
	next := s.enter(listPriority)
	s.release(listPriority)
	if !granted(first) || granted(next) {
		t.Fatalf("a freed slot: series %v, next page %v; want the series", granted(first), granted(next))
	}
	s.release(listPriority)
	if granted(second) || !granted(next) {
		t.Fatalf("a second series took a listing's slot (second %v, next page %v)", granted(second), granted(next))
	}
	s.release(normalPriority)
	if !granted(second) {
		t.Fatal("the second series waits after the first was done")
	}
}
