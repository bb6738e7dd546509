package monitor

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

// TestScopeSelect: tags and names compare without case; a watchlist entry
// that names nothing is an error saying which.
func TestScopeSelect(t *testing.T) {
	all := []client.Segment{
		{ID: "1", Name: "Nightly ETL", Tags: []string{"etl"}},
		{ID: "2", Name: "VIP", Tags: []string{"vip", "ETL-old"}},
		{ID: "3", Name: "Lapsed", Tags: nil},
	}
	ids := func(segs []client.Segment) string {
		var out []string
		for _, s := range segs {
			out = append(out, s.ID)
		}
		return strings.Join(out, ",")
	}
	for _, c := range []struct {
		scope Scope
		want  string
	}{
		{Scope{}, "1,2,3"},
		{Scope{Tag: "ETL"}, "1"},
		{Scope{Filter: "etl"}, "1"},
		{Scope{Watchlist: "w", Entries: []string{"vip", "3"}}, "2,3"},
	} {
		segs, _, err := c.scope.Select(all)
		if err != nil || ids(segs) != c.want {
			t.Errorf("%+v: %s, %v; want %s", c.scope, ids(segs), err, c.want)
		}
	}
	if _, _, err := (Scope{Watchlist: "w", Entries: []string{"Gone"}}).Select(all); err == nil || !strings.Contains(err.Error(), `"Gone"`) {
		t.Errorf("watchlist with a stale entry: %v", err)
	}
	if _, _, err := (Scope{Tag: "none"}).Select(all); err == nil {
		t.Error("a tag nothing has selected something")
	}
}
