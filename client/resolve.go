package client

import (
	"fmt"
	"regexp"
	"strings"
)

var uuidShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// LooksLikeID reports whether s has the shape of a segment id (a UUID).
func LooksLikeID(s string) bool { return uuidShape.MatchString(strings.TrimSpace(s)) }

// RefProblem is a reference that did not resolve to exactly one segment.
type RefProblem struct {
	Ref string
	// Candidates are the segments sharing an ambiguous name; empty when
	// nothing matched.
	Candidates []Segment
	// Err is the API's answer for an id it does not know, when the
	// reference was looked up by id (Cache.ResolveRefs).
	Err error
}

// String says what went wrong, quoting the reference (not yet made safe
// for a terminal: it may come from the API).
func (p RefProblem) String() string {
	if p.Err != nil {
		return fmt.Sprintf("no segment has the id %q (%v)", p.Ref, p.Err)
	}
	if len(p.Candidates) > 1 {
		ids := make([]string, len(p.Candidates))
		for i, c := range p.Candidates {
			ids[i] = c.ID
		}
		return fmt.Sprintf("%q is ambiguous: %d segments have that name; give one of their ids: %s",
			p.Ref, len(p.Candidates), strings.Join(ids, ", "))
	}
	return fmt.Sprintf("no segment has the id or name %q", p.Ref)
}

// Resolve turns references (segment ids, or exact names compared without
// case) into segments of all, in the order given and without repeats. An
// id-shaped reference that is not listed (an archived segment, say) is kept
// as a segment with only its id, when keepUnlistedIDs is set. What does not
// resolve is reported, never silently dropped.
func Resolve(all []Segment, refs []string, keepUnlistedIDs bool) ([]Segment, []RefProblem) {
	byID := make(map[string]Segment, len(all))
	byName := make(map[string][]Segment, len(all))
	for _, s := range all {
		byID[s.ID] = s
		k := strings.ToLower(s.Name)
		byName[k] = append(byName[k], s)
	}
	var out []Segment
	var problems []RefProblem
	seen := map[string]bool{}
	for _, ref := range refs {
		ref = strings.TrimSpace(ref)
		var s Segment
		if found, ok := byID[ref]; ok {
			s = found
		} else if cands := byName[strings.ToLower(ref)]; len(cands) == 1 {
			s = cands[0]
		} else if len(cands) > 1 {
			problems = append(problems, RefProblem{Ref: ref, Candidates: cands})
			continue
		} else if keepUnlistedIDs && LooksLikeID(ref) {
			s = Segment{ID: ref, AnalyticsTrackingEnabled: true}
		} else {
			problems = append(problems, RefProblem{Ref: ref})
			continue
		}
		if !seen[s.ID] {
			seen[s.ID] = true
			out = append(out, s)
		}
	}
	return out, problems
}
