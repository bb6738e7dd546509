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
// segments, in the order given, without repeats. An ambiguous name is an
// error listing the candidates; an id-shaped argument not in the list (an
// archived segment, say) is passed to the API as is.
func resolveSegments(ctx context.Context, cache *client.Cache, args []string) ([]client.Segment, error) {
	if segs, ok, err := resolveIDs(ctx, cache, args); ok || err != nil {
		return segs, err
	}
	all, err := cache.Segments(ctx, 0, nil)
	if err != nil {
		return nil, err
	}
	segs, problems := client.Resolve(all, args, true)
	if len(problems) == 0 {
		return segs, nil
	}
	msgs := make([]string, len(problems))
	for i, p := range problems {
		msgs[i] = output.SafeText(p.String())
		if len(p.Candidates) == 0 {
			if sugg := suggest(all, p.Ref, 5); len(sugg) > 0 {
				msgs[i] += "; did you mean: " + strings.Join(sugg, ", ")
			}
		}
	}
	return nil, usageError("%s", strings.Join(msgs, "\n  "))
}

// maxDetailsLookups is how many ids are named through /segments/details
// (one request each) rather than by listing the workspace (one request per
// 100 segments).
const maxDetailsLookups = 10

// resolveIDs names segments given only by id through /segments/details,
// which costs a request per id instead of listing the whole workspace. ok
// is false when the arguments are not all ids, or the key may not read
// details: the caller lists instead.
func resolveIDs(ctx context.Context, cache *client.Cache, args []string) ([]client.Segment, bool, error) {
	if len(args) > maxDetailsLookups {
		return nil, false, nil
	}
	for _, a := range args {
		if !client.LooksLikeID(a) {
			return nil, false, nil
		}
	}
	var out []client.Segment
	seen := map[string]bool{}
	for _, a := range args {
		id := strings.TrimSpace(a)
		if seen[id] {
			continue
		}
		seen[id] = true
		d, err := cache.Details(ctx, id, 0)
		switch {
		case errors.Is(err, client.ErrForbidden):
			return nil, false, nil // no segments.details permission: list instead
		case errors.Is(err, client.ErrBadRequest):
			return nil, false, usageError("no segment has the id %q (%s)", id, output.SafeText(err.Error()))
		case err != nil:
			return nil, false, err
		}
		out = append(out, client.Segment{ID: id, Name: d.Name, Tags: d.Tags, AnalyticsTrackingEnabled: true})
	}
	return out, true, nil
}

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
