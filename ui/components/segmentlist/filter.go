package segmentlist

import (
	"strings"
)

// query is a parsed filter: free text matched fuzzily against names, and
// tag:NAME terms that a segment's tags must all contain.
type query struct {
	text string
	tags []string
}

func parseQuery(s string) query {
	var q query
	var words []string
	for w := range strings.FieldsSeq(strings.ToLower(s)) {
		if t, ok := strings.CutPrefix(w, "tag:"); ok {
			if t != "" {
				q.tags = append(q.tags, t)
			}
			continue
		}
		words = append(words, w)
	}
	q.text = strings.Join(words, " ")
	return q
}

// matchScore ranks a match of pattern in s (both lower case): a match at
// the start of s or of a word beats one inside a word, which beats one
// whose letters are spread out. 0 means no match.
func matchScore(s, pattern string) int {
	if pattern == "" {
		return 1
	}
	if i := strings.Index(s, pattern); i >= 0 {
		if i == 0 {
			return 4
		}
		if c := s[i-1]; c == ' ' || c == '-' || c == '(' || c == '/' {
			return 3
		}
		return 2
	}
	if fuzzyMatch(s, pattern) {
		return 1
	}
	return 0
}

// fuzzyMatch reports whether every rune of pattern appears in s in order
// (both already lower case). Spaces in the pattern match anything.
func fuzzyMatch(s, pattern string) bool {
	if pattern == "" {
		return true
	}
	if strings.Contains(s, pattern) {
		return true
	}
	i := 0
	p := []rune(pattern)
	for _, r := range s {
		for i < len(p) && p[i] == ' ' {
			i++
		}
		if i == len(p) {
			return true
		}
		if r == p[i] {
			i++
		}
	}
	for i < len(p) && p[i] == ' ' {
		i++
	}
	return i == len(p)
}

// hasTags reports whether tags include every wanted tag (case-insensitive).
func hasTags(tags []string, want []string) bool {
	for _, w := range want {
		found := false
		for _, t := range tags {
			if strings.EqualFold(t, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
