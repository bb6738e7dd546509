package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
)

// resolveSegments turns ids and exact names (case-insensitive) into
// segments, in the order given, without repeats. An ambiguous name is an
// error listing the candidates; an id-shaped argument not in the list (an
// archived segment, say) is passed to the API as is.
func resolveSegments(ctx context.Context, cache *client.Cache, args []string) ([]client.Segment, error) {
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
		msgs[i] = common.SafeText(p.String())
		if len(p.Candidates) == 0 {
			if sugg := suggest(all, p.Ref, 5); len(sugg) > 0 {
				msgs[i] += "; did you mean: " + strings.Join(sugg, ", ")
			}
		}
	}
	return nil, usageError("%s", strings.Join(msgs, "\n  "))
}

// suggest lists up to n quoted names that contain q (case-insensitive).
func suggest(all []client.Segment, q string, n int) []string {
	q = strings.ToLower(q)
	var out []string
	for _, s := range all {
		if strings.Contains(strings.ToLower(s.Name), q) {
			out = append(out, fmt.Sprintf("%q", common.SafeText(s.Name)))
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
		return s.ID
	}
	return fmt.Sprintf("%q (%s)", common.SafeText(s.Name), s.ID)
}
