package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// resolveSegments turns ids and exact names (case-insensitive) into
// segments, in the order given, without repeats. An argument that names no
// segment, or several, is a problem (with candidates or suggestions), not an
// error: the others are still checked. An id-shaped argument not in the
// list (an archived segment, say) is passed to the API as is. err is for
// what stops everything (the listing failed).
func resolveSegments(ctx context.Context, cache *client.Cache, args []string) (segs []client.Segment, problems []string, err error) {
	if segs, problems, ok, err := resolveIDs(ctx, cache, args); ok || err != nil {
		return segs, problems, err
	}
	all, err := cache.Segments(ctx, 0, nil)
	if err != nil {
		return nil, nil, err
	}
	segs, unresolved := client.Resolve(all, args, true)
	for _, p := range unresolved {
		msg := output.SafeText(p.String())
		if len(p.Candidates) == 0 {
			if sugg := suggest(all, p.Ref, 5); len(sugg) > 0 {
				msg += "; did you mean: " + strings.Join(sugg, ", ")
			}
		}
		problems = append(problems, msg)
	}
	return segs, problems, nil
}

// maxDetailsLookups is how many ids are named through /segments/details
// (one request each) rather than by listing the workspace (one request per
// 100 segments).
const maxDetailsLookups = 10

// resolveIDs names segments given only by id through /segments/details,
// which costs a request per id instead of listing the whole workspace. ok
// is false when the arguments are not all ids, or the key may not read
// details: the caller lists instead. An id Braze does not know is a problem.
func resolveIDs(ctx context.Context, cache *client.Cache, args []string) (out []client.Segment, problems []string, ok bool, err error) {
	if !allIDs(args) {
		return nil, nil, false, nil
	}
	seen := map[string]bool{}
	for _, a := range args {
		id := trimRef(a)
		if seen[id] {
			continue
		}
		seen[id] = true
		d, err := cache.Details(ctx, id, 0)
		switch {
		case errors.Is(err, client.ErrForbidden):
			return nil, nil, false, nil // no segments.details permission: list instead
		case errors.Is(err, client.ErrBadRequest):
			problems = append(problems, fmt.Sprintf("no segment has the id %q (%s)", output.SafeText(id), output.SafeText(err.Error())))
			continue
		case err != nil:
			return nil, nil, false, err
		}
		out = append(out, client.Segment{ID: id, Name: d.Name, Tags: d.Tags, AnalyticsTrackingEnabled: true})
	}
	return out, problems, true, nil
}

// allIDs says whether args are few enough ids to name through
// /segments/details.
func allIDs(args []string) bool {
	if len(args) > maxDetailsLookups {
		return false
	}
	for _, a := range args {
		if !client.LooksLikeID(a) {
			return false
		}
	}
	return true
}

// trimRef is an argument as an id.
func trimRef(a string) string { return strings.TrimSpace(a) }

// suggest lists up to n quoted names that contain q (case-insensitive).
func suggest(all []client.Segment, q string, n int) []string {
	q = strings.ToLower(q)
	var out []string
	for _, s := range all {
		if strings.Contains(strings.ToLower(s.Name), q) {
			out = append(out, fmt.Sprintf("%q", output.SafeText(s.Name)))
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// describe names a segment safely for messages: "Name" (id).
func describe(s client.Segment) string {
	if s.Name == "" {
		return output.SafeText(s.ID)
	}
	return fmt.Sprintf("%q (%s)", output.SafeText(s.Name), output.SafeText(s.ID))
}
