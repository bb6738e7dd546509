package monitor

import (
	"fmt"
	"slices"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/safe"
)

// Scope is the part of a workspace a scan covers: every segment, those
// with a tag, a watchlist's entries, or those whose name contains a text.
// At most one of Tag, Watchlist and Filter is set.
type Scope struct {
	// Tag selects the segments with this tag, compared without case as
	// names are.
	Tag string
	// Watchlist names the watchlist whose Entries (ids or names) select.
	Watchlist string
	Entries   []string
	// Filter selects the segments whose name contains it, without case.
	Filter string
}

// Select picks the scope's segments of all and names the scope for a
// report ("all segments", "tag vip", ...). An error, safe to print, says
// why the scope selects nothing, or which watchlist entry names no
// segment.
func (sc Scope) Select(all []client.Segment) ([]client.Segment, string, error) {
	switch {
	case sc.Tag != "":
		out := matching(all, func(s client.Segment) bool {
			return slices.ContainsFunc(s.Tags, func(t string) bool { return strings.EqualFold(t, sc.Tag) })
		})
		if len(out) == 0 {
			return nil, "", fmt.Errorf("no segment has the tag %q", safe.Text(sc.Tag))
		}
		return out, "tag " + sc.Tag, nil
	case sc.Watchlist != "":
		segs, problems := client.Resolve(all, sc.Entries, true)
		if len(problems) > 0 {
			return nil, "", fmt.Errorf("watchlist %q: %s", safe.Text(sc.Watchlist), safe.Text(problems[0].String()))
		}
		return segs, "watchlist " + sc.Watchlist, nil
	case sc.Filter != "":
		q := strings.ToLower(sc.Filter)
		out := matching(all, func(s client.Segment) bool { return strings.Contains(strings.ToLower(s.Name), q) })
		if len(out) == 0 {
			return nil, "", fmt.Errorf("no segment name contains %q", safe.Text(sc.Filter))
		}
		return out, fmt.Sprintf("names containing %q", sc.Filter), nil
	}
	return all, "all segments", nil
}

// matching is the segments of all that keep accepts, in order.
func matching(all []client.Segment, keep func(client.Segment) bool) []client.Segment {
	var out []client.Segment
	for _, s := range all {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}
