package client

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"time"
)

// MaxDetailsLookups is how many ids Cache.ResolveRefs names through
// /segments/details (one request each) rather than by listing the
// workspace (one request per 100 segments).
const MaxDetailsLookups = 10

// FewIDs reports whether refs are ids, few enough to name through
// /segments/details: their series can be asked for before they are named.
func FewIDs(refs []string) bool {
	if len(refs) > MaxDetailsLookups {
		return false
	}
	for _, r := range refs {
		if !LooksLikeID(r) {
			return false
		}
	}
	return true
}

// Resolution is what Cache.ResolveRefs made of a list of references.
type Resolution struct {
	// Segments are the segments named, in the order given, without repeats.
	Segments []Segment
	// Problems are the references that named no segment, or several.
	Problems []RefProblem
	// Listing is the workspace's listing the names were resolved against
	// (for suggestions); nil when the references were named by id.
	Listing []Segment
	// ByDetails is true when the segments were named through
	// /segments/details, which does not say whether tracking is on.
	ByDetails bool
	// Remembered is true when the listing was not fetched for this call
	// (remembered from an earlier one, or joined in flight). An answer
	// that contradicts it, such as a segment Braze no longer knows by the
	// id it gave, is worth resolving again with fresh set.
	Remembered bool
}

// ResolveRefs turns ids and exact names (case-insensitive) into segments.
// A few ids (FewIDs) are named through /segments/details, with no listing
// at all, unless the key may not read details. Otherwise the references
// are resolved against the listing the cache serves (Segments): a
// remembered one first, so that a warm start needs no list request. When a
// reference does not resolve against a remembered listing (a name not in
// it, an id not in it), the workspace is listed again unless the listing
// is younger than RecentListing, and every reference resolved again: a
// remembered listing can cost a request, never a wrong "no such segment".
// fresh skips any remembered listing (Braze contradicted it). err is for
// what stops everything (the listing failed).
func (c *Cache) ResolveRefs(ctx context.Context, refs []string, fresh bool) (Resolution, error) {
	if FewIDs(refs) {
		if r, ok, err := c.resolveByDetails(ctx, refs); ok || err != nil {
			return r, err
		}
	}
	var maxAge time.Duration // the list TTL
	if fresh {
		maxAge = Fresh
	}
	return c.resolveListed(ctx, refs, maxAge)
}

// RecentListing is the age under which a listing is not fetched again for
// a reference that is not in it: a typo tried twice costs one listing.
const RecentListing = time.Minute

// resolveListed resolves refs against a listing younger than maxAge (0:
// the list TTL), and against a recent one when they do not all resolve.
func (c *Cache) resolveListed(ctx context.Context, refs []string, maxAge time.Duration) (Resolution, error) {
	var listed atomic.Bool // the listing was fetched for this call
	all, err := c.Segments(ctx, maxAge, func([]Segment) { listed.Store(true) })
	if err != nil {
		return Resolution{}, err
	}
	segs, problems := Resolve(all, refs, true)
	r := Resolution{Segments: segs, Problems: problems, Listing: all, Remembered: !listed.Load()}
	if r.Remembered && (maxAge == 0 || maxAge > RecentListing) && (len(problems) > 0 || unlistedID(all, refs)) {
		// A listing an earlier run saved is listed again whatever its
		// age (the segment may be newer than it); one this process
		// listed less than RecentListing ago is trusted.
		retry := RecentListing
		if c.savedListing() {
			retry = Fresh
		}
		return c.resolveListed(ctx, refs, retry)
	}
	return r, nil
}

// unlistedID reports whether an id-shaped reference is not in all.
func unlistedID(all []Segment, refs []string) bool {
	ids := make(map[string]bool, len(all))
	for _, s := range all {
		ids[s.ID] = true
	}
	for _, r := range refs {
		if r = strings.TrimSpace(r); LooksLikeID(r) && !ids[r] {
			return true
		}
	}
	return false
}

// resolveByDetails names segments given by id through /segments/details.
// ok is false when the key may not read details: the caller lists instead.
// An id Braze does not know is a problem; any other failure stops it.
func (c *Cache) resolveByDetails(ctx context.Context, ids []string) (r Resolution, ok bool, err error) {
	r.ByDetails = true
	seen := map[string]bool{}
	for _, ref := range ids {
		id := strings.TrimSpace(ref)
		if seen[id] {
			continue
		}
		seen[id] = true
		d, err := c.Details(ctx, id, 0)
		switch {
		case errors.Is(err, ErrForbidden):
			return Resolution{}, false, nil // no segments.details permission: list instead
		case errors.Is(err, ErrBadRequest):
			r.Problems = append(r.Problems, RefProblem{Ref: id, Err: err})
			continue
		case err != nil:
			return Resolution{}, false, err
		}
		r.Segments = append(r.Segments, Segment{ID: id, Name: d.Name, Tags: d.Tags, AnalyticsTrackingEnabled: true})
	}
	return r, true, nil
}
