package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
)

// TestCacheCommands: `cache path` prints the folder the dashboard and the
// commands save to; `cache clear` empties it.
func TestCacheCommands(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	code, out, errs := runSegdash(t, nil, "cache", "path")
	dir, _ := snapshot.Dir()
	if code != 0 || strings.TrimSpace(out) != dir || errs != "" {
		t.Fatalf("cache path: %d %q %q; want %s", code, out, errs, dir)
	}
	st := snapshot.NewStore(dir, "https://rest.iad-01.braze.com", "a-key", nil)
	if err := st.Save(&snapshot.Snapshot{ListedAt: time.Now(), Segments: []client.Segment{{ID: "a", Name: "A"}}}); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runSegdash(t, nil, "cache", "clear")
	if code != 0 || !strings.Contains(out, "removed 1 saved file from "+dir) {
		t.Fatalf("cache clear: %d %q", code, out)
	}
	if _, err := os.Stat(st.Path()); !os.IsNotExist(err) {
		t.Errorf("%s still there: %v", filepath.Base(st.Path()), err)
	}
}
