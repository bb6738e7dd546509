package client

import (
	"slices"
	"strings"
	"unicode"

	"github.com/segdash/segdash/client/safe"
)

// Suggest lists up to n references, for a reference that named no
// segment of all, that Resolve would accept: first the segments whose name
// contains ref, then those whose name is a few typing mistakes away (an
// edit distance of at most a sixth of its length, one at least), the
// closest first; names compare without case, as they print. A suggestion is the segment's
// name when that name reads back as itself (one segment has it, and it
// holds nothing a terminal would show differently) and its id otherwise.
func Suggest(all []Segment, ref string, n int) []Suggestion {
	q := []rune(strings.ToLower(strings.TrimSpace(ref)))
	if len(q) == 0 || n <= 0 {
		return nil
	}
	limit := max(1, len(q)/6)
	type cand struct {
		seg  Segment
		dist int // -1: the name contains ref
	}
	var cands []cand
	names := map[string]int{}
	for _, s := range all {
		names[strings.ToLower(s.Name)]++
		name := strings.ToLower(safe.Text(s.Name)) // as the user saw it
		if strings.Contains(name, string(q)) {
			cands = append(cands, cand{s, -1})
		} else if d := distance(q, []rune(name), limit); d <= limit {
			cands = append(cands, cand{s, d})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return a.dist - b.dist })
	var out []Suggestion
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, Suggestion{Ref: acceptedRef(c.seg, names[strings.ToLower(c.seg.Name)] == 1), Segment: c.seg})
	}
	return out
}

// Suggestion is a reference Resolve accepts, and the segment it names.
type Suggestion struct {
	Ref     string
	Segment Segment
}

// ByID reports whether the suggestion names its segment by id (its name
// would not read back as itself).
func (s Suggestion) ByID() bool { return s.Ref == s.Segment.ID && s.Segment.Name != s.Segment.ID }

// acceptedRef is the reference that names s for Resolve and prints as
// itself: its name when unique and plain, else its id.
func acceptedRef(s Segment, unique bool) string {
	if unique && s.Name != "" && s.Name == strings.TrimSpace(s.Name) && !LooksLikeID(s.Name) && printable(s.Name) {
		return s.Name
	}
	return s.ID
}

// printable reports whether s holds only printable characters (and the
// space): what a user reading it can type back.
func printable(s string) bool {
	for _, r := range s {
		if r == unicode.ReplacementChar || !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// distance is the Levenshtein distance between a and b, or limit+1 as
// soon as it is known to exceed limit.
func distance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
