package client_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// TestResolveCostIsWhatResolveSends: before each resolution the cost the
// cache states is the number of requests the resolution then sends; a
// first listing, whose end is not known, sends at least its first round.
func TestResolveCostIsWhatResolveSends(t *testing.T) {
	e := newEnv(t, brazetest.Options{Workspace: brazetest.NewWorkspace(42, 300)})
	cache := e.cache(client.CacheOptions{})
	var listed []client.Segment
	count := map[string]int{}
	for _, s := range e.api.Workspace().Listed() {
		listed = append(listed, client.Segment{ID: s.ID, Name: s.Name})
		count[strings.ToLower(s.Name)]++
	}
	name := listed[slices.IndexFunc(listed, func(s client.Segment) bool { return count[strings.ToLower(s.Name)] == 1 })].Name
	pages, ids := len(listed)/client.PageSize+1, []string{listed[1].ID, listed[2].ID}
	saved := e.cache(client.CacheOptions{})
	steps := []struct {
		what    string
		cache   *client.Cache
		advance time.Duration
		refs    []string
		want    int
		atLeast bool // a first listing: up to 3 pages past the end may be in flight when the short one comes
	}{
		{"a name, never listed: the first round of pages", cache, 0, []string{name}, 4, true},
		{"the name again", cache, 0, []string{name}, 0, false},
		{"a missing name right after the listing", cache, 0, []string{"No Such Segment"}, 0, false},
		{"the name past the list's TTL", cache, 11 * time.Minute, []string{name}, pages, false},
		{"a missing name past RecentListing", cache, 2 * time.Minute, []string{"No Such Segment"}, pages, false},
		{"a few ids: their details", cache, 0, ids, 2, false},
		{"the ids again", cache, 0, ids, 0, false},
		{"a name in a saved listing", saved, 0, []string{name}, 0, false},
		{"a missing name in a saved listing", saved, 0, []string{"No Such Segment"}, pages, false},
	}
	saved.RememberListing(listed, pages, e.clock.Now().Add(-30*time.Minute))
	for _, s := range steps {
		e.clock.Advance(s.advance)
		cost := s.cache.ResolveCost(s.refs)
		before := e.api.Requests("")
		if _, err := s.cache.ResolveRefs(context.Background(), s.refs, false); err != nil {
			t.Fatalf("%s: %v", s.what, err)
		}
		sent := int(e.api.Requests("") - before)
		if s.atLeast && sent >= cost && sent < cost+4 {
			sent = cost
		}
		if cost != s.want || sent != cost {
			t.Errorf("%s: cost %d, sent %d, want %d", s.what, cost, sent, s.want)
		}
	}
}
