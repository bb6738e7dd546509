package check

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
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

// TestRulesUnmatched: a rule whose watchlist this workspace lacks is named
// (it would never fire); the others are not.
func TestRulesUnmatched(t *testing.T) {
	r := &Rules{Rules: []monitor.Rule{
		{Name: "team", Target: monitor.Target{Watchlist: "team"}},
		{Name: "gone", Target: monitor.Target{Watchlist: "gone\x1b[31m"}},
		{Name: "all", Target: monitor.Target{All: true}},
	}, Watchlists: map[string][]string{"team": {"x"}}}
	got := r.Unmatched("/etc/segdash.yaml")
	if len(got) != 1 || !strings.Contains(got[0], `rule "gone"`) || !strings.Contains(got[0], "/etc/segdash.yaml") || strings.Contains(got[0], "\x1b") {
		t.Errorf("Unmatched = %q", got)
	}
}
