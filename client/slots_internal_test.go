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
