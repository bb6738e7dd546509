package check

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

// TestDescribeMakesIDsSafe: ids come from the API too, and the BREACH line
// on stderr names the segment by id.
func TestDescribeMakesIDsSafe(t *testing.T) {
	for _, s := range []client.Segment{{ID: "id\x1b]0;pwned\x07"}, {ID: "id\u202e", Name: "n"}} {
		if got := Describe(s); strings.ContainsAny(got, "\x1b\x07\u202e") {
			t.Errorf("Describe(%q) = %q", s.ID, got)
		}
	}
}
