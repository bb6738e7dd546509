package client

import (
	"slices"
	"testing"
)

// TestSuggest: substrings first, then names a few typing mistakes away;
// a name that does not read back as itself, or that several segments
// share, is suggested by id.
func TestSuggest(t *testing.T) {
	all := []Segment{
		{ID: "1", Name: "Broken pipeline"},
		{ID: "2", Name: "Pipeline health"},
		{ID: "3", Name: "Imported \x1b[31mred\x1b[0m list"},
		{ID: "4", Name: "Twin"}, {ID: "5", Name: "twin"},
		{ID: "6", Name: "Unrelated"},
	}
	for _, c := range []struct {
		ref  string
		want []string
	}{
		{"Brokn pipeline", []string{"Broken pipeline"}},
		{"pipeline", []string{"Broken pipeline", "Pipeline health"}},
		{"imported red list", []string{"3"}},
		{"twn", []string{"4", "5"}},
		{"zzzzzzzz", nil},
		{"", nil},
	} {
		var got []string
		for _, s := range Suggest(all, c.ref, 5) {
			got = append(got, s.Ref)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Suggest(%q) = %q, want %q", c.ref, got, c.want)
		}
	}
	if got := Suggest(all, "pipeline", 1); len(got) != 1 {
		t.Errorf("n=1: %v", got)
	}
}
