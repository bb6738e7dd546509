package cli

import (
	"slices"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
)

func TestCompleteFromListing(t *testing.T) {
	segs := []client.Segment{
		{ID: "abc1", Name: "VIP", AnalyticsTrackingEnabled: true, Tags: []string{"value", "b\x1b"}},
		{ID: "abc2", Name: "Vip\tlapsed", AnalyticsTrackingEnabled: true, Tags: []string{"value", "a"}},
		{ID: "abc3", Name: "Untracked", Tags: []string{"z"}},
	}
	if got := Tags(segs); !slices.Equal(got, []string{"a", "value", "z"}) {
		t.Errorf("tags: %q", got)
	}
	if got := Segments(segs, nil, "v"); !slices.Equal(got, []string{"VIP\tabc1"}) {
		t.Errorf("by name: %q", got)
	}
	if got := Segments(segs, []string{"VIP"}, "abc"); !slices.Equal(got, []string{"abc2\tViplapsed"}) {
		t.Errorf("by id: %q", got)
	}
	if got := WithPrefix([]string{"Table", "json"}, "t"); !slices.Equal(got, []string{"Table"}) {
		t.Errorf("prefix: %q", got)
	}
	if !TakesPath("api-key-file") || TakesPath("format") {
		t.Error("TakesPath")
	}
	block := make(chan struct{})
	defer close(block)
	if got := Within(time.Millisecond, func() int { <-block; return 1 }); got != 0 {
		t.Errorf("over budget: %d", got)
	}
}
