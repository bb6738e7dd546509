package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/segdash/segdash/client"
)

// TestConcurrentSaversKeepEachOthersWatchlists is two dashboards (two
// savers over one file) saving watchlists of their own at the same time:
// every watchlist saved is in the file afterwards.
func TestConcurrentSaversKeepEachOthersWatchlists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(path, []byte("endpoint: US-01\n"), 0o600)
	savers := []*WatchlistSaver{NewWatchlistSaver(path, "", nil), NewWatchlistSaver(path, "", nil)}
	const rounds = 10
	var wg sync.WaitGroup
	errs := make(chan error, 2*rounds)
	for d, s := range savers {
		wg.Go(func() {
			for i := range rounds {
				seg := client.Segment{ID: fmt.Sprintf("id-%d-%d", d, i)}
				errs <- s.Save(fmt.Sprintf("dash%d-%d", d, i), []client.Segment{seg})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	b, _ := os.ReadFile(path)
	for d := range savers {
		for i := range rounds {
			if !strings.Contains(string(b), fmt.Sprintf("dash%d-%d:", d, i)) {
				t.Errorf("watchlist dash%d-%d was lost:\n%s", d, i, b)
			}
		}
	}
}

func TestSaverRefusesAWatchlistChangedElsewhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(path, []byte("watchlists:\n  morning:\n    - VIP\n"), 0o600)
	loaded := []client.Watchlist{{Name: "morning", Segments: []string{"VIP"}}}
	mine, theirs := NewWatchlistSaver(path, "", loaded), NewWatchlistSaver(path, "", loaded)
	if err := theirs.Save("morning", []client.Segment{{ID: "their-id"}}); err != nil {
		t.Fatal(err)
	}
	err := mine.Save("morning", []client.Segment{{ID: "my-id"}})
	if err == nil || !strings.Contains(err.Error(), "changed") || !strings.Contains(err.Error(), "not saved") {
		t.Fatalf("a watchlist changed by another process was overwritten: err = %v", err)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "their-id") || strings.Contains(string(b), "my-id") {
		t.Fatalf("file after the refused save:\n%s", b)
	}
	// A watchlist of another name still saves, and the saver's own next
	// save of a watchlist it wrote goes through.
	if err := mine.Save("evening", []client.Segment{{ID: "e1"}}); err != nil {
		t.Fatal(err)
	}
	if err := mine.Save("evening", []client.Segment{{ID: "e2"}}); err != nil {
		t.Fatalf("saving over its own watchlist: %v", err)
	}
	// A watchlist another process created under a name this one did not
	// know is not overwritten either.
	if err := theirs.Save("night", []client.Segment{{ID: "n1"}}); err != nil {
		t.Fatal(err)
	}
	if err := mine.Save("night", []client.Segment{{ID: "n2"}}); err == nil {
		t.Fatal("a watchlist created elsewhere meanwhile was overwritten")
	}
}
