package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
)

var uuidShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// resolveSegments turns ids and exact names (case-insensitive) into
// segments, in the order given, without repeats. An ambiguous name is an
// error listing the candidates; an id-shaped argument not in the list (an
// archived segment, say) is passed to the API as is.
func resolveSegments(ctx context.Context, cache *client.Cache, args []string) ([]client.Segment, error) {
	all, err := cache.Segments(ctx, 0, nil)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]client.Segment, len(all))
	byName := make(map[string][]client.Segment, len(all))
	for _, s := range all {
		byID[s.ID] = s
		k := strings.ToLower(s.Name)
		byName[k] = append(byName[k], s)
	}
	var out []client.Segment
	seen := map[string]bool{}
	var problems []string
	for _, a := range args {
		a = strings.TrimSpace(a)
		var s client.Segment
		if found, ok := byID[a]; ok {
			s = found
		} else if cands := byName[strings.ToLower(a)]; len(cands) == 1 {
			s = cands[0]
		} else if len(cands) > 1 {
			var list []string
			for _, c := range cands {
				list = append(list, c.ID)
			}
			problems = append(problems, fmt.Sprintf("%q is ambiguous: %d segments have that name; give one of their ids: %s",
				common.SafeText(a), len(cands), strings.Join(list, ", ")))
			continue
		} else if uuidShape.MatchString(a) {
			s = client.Segment{ID: a, AnalyticsTrackingEnabled: true}
		} else {
			msg := fmt.Sprintf("no segment has the id or name %q", common.SafeText(a))
			if sugg := suggest(all, a, 5); len(sugg) > 0 {
				msg += "; did you mean: " + strings.Join(sugg, ", ")
			}
			problems = append(problems, msg)
			continue
		}
		if !seen[s.ID] {
			seen[s.ID] = true
			out = append(out, s)
		}
	}
	if len(problems) > 0 {
		return nil, usageError("%s", strings.Join(problems, "\n  "))
	}
	return out, nil
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
