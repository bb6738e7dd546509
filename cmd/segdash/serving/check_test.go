package serving

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
)

var now = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

// checkFlags are check's flags, as the SSH server parses them.
func checkFlags() *pflag.FlagSet {
	fs := pflag.NewFlagSet("check", pflag.ContinueOnError)
	new(cli.CheckFlags).Register(fs)
	return fs
}

// listedWorkspace is a workspace of n segments ("Segment 1"...) whose
// listing the shared cache got at listedAt, sending no request.
func listedWorkspace(t *testing.T, n int, listedAt time.Time) Workspace {
	t.Helper()
	c, err := client.New("http://127.0.0.1:1", "test-key") // never asked: a cost is said before any request
	if err != nil {
		t.Fatal(err)
	}
	cache := client.NewCache(c, client.CacheOptions{Now: func() time.Time { return now }})
	segs := make([]client.Segment, n)
	for i := range segs {
		segs[i] = client.Segment{ID: fmt.Sprintf("00000000-0000-0000-0000-%012d", i), Name: fmt.Sprintf("Segment %d", i+1),
			AnalyticsTrackingEnabled: true}
	}
	cache.RememberListing(segs, 0, listedAt)
	return Workspace{Config: config.Config{Length: 30}, Backend: &config.Backend{Cache: cache}}
}

func names(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("Segment %d", i+1)
	}
	return out
}

// TestCheckCostCountsTheListing: a check by name under the limit by its
// series alone asks for --yes when the workspace must be listed for it
// (5,000 segments: 51 pages), and not when the listing held names them.
func TestCheckCostCountsTheListing(t *testing.T) {
	stale := listedWorkspace(t, 5000, now.Add(-2*client.SavedListAge))
	if n, _, _ := checkCost(checkFlags(), stale.Config, nil, names(60)); n != 60 || CheckRefusal(n, false) != "" {
		t.Fatalf("by series alone: %d requests, refusal %q", n, CheckRefusal(n, false))
	}
	n, yes, ok := stale.CheckCost(checkFlags(), names(60))
	if !ok || yes || n != 60+51 {
		t.Fatalf("cost %d (ok %v, yes %v), want 60 series and 51 list pages", n, ok, yes)
	}
	if why := CheckRefusal(n, yes); !strings.Contains(why, "up to 111 API requests") || !strings.Contains(why, "add --yes") {
		t.Errorf("refusal %q", why)
	}
	if n, yes, _ := stale.CheckCost(checkFlags(), append(names(60), "--yes")); CheckRefusal(n, yes) != "" {
		t.Errorf("refused with --yes: %q", CheckRefusal(n, yes))
	}
	held := listedWorkspace(t, 5000, now.Add(-time.Minute*30))
	if n, _, _ := held.CheckCost(checkFlags(), names(60)); n != 60 {
		t.Errorf("with a listing that names every segment: %d requests, want the 60 series", n)
	}
	if n, _, _ := held.CheckCost(checkFlags(), append(names(60), "No Such Segment")); n != 61+51 {
		t.Errorf("with a name the listing lacks: %d requests, want 61 series and a listing of 51 pages", n)
	}
}

// TestCheckCostOfAFewIDs: a few ids are named by their details, a request
// each, not by the listing; --rules adds no segment (a rule is tested on
// the segments asked for).
func TestCheckCostOfAFewIDs(t *testing.T) {
	w := listedWorkspace(t, 5000, now.Add(-2*client.SavedListAge))
	ids := []string{"00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002"}
	args := append([]string{"--length", "365", "--compare", "previous"}, ids...)
	if n, _, _ := w.CheckCost(checkFlags(), args); n != 2*5*2+2 {
		t.Errorf("two ids over 365 days compared: %d requests, want 20 series and 2 details", n)
	}
	if n, _, _ := w.CheckCost(checkFlags(), append([]string{"--rules"}, ids...)); n != 2+2 {
		t.Errorf("two ids with --rules: %d requests, want 2 series and 2 details", n)
	}
}
