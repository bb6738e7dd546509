package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/client/brazetest"
)

func TestCheckWatch(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	segs := tracked(h, 2)
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	os.WriteFile(path, []byte("watchlists:\n  team:\n    - "+segs[0].ID+"\n    - "+strings.ToLower(segs[1].Name)+"\n  stale:\n    - "+segs[0].ID+"\n    - Deleted Segment\n"), 0o600)
	env["SEGDASH_CONFIG"] = path
	code, out, errs := runSegdash(t, env, "check", "--watch", "team", "--format", "spark")
	if code != 0 || !strings.Contains(out, segs[0].Name) || !strings.Contains(out, segs[1].Name) {
		t.Errorf("--watch team: %d\n%s%s", code, out, errs)
	}
	code, _, errs = runSegdash(t, env, "check", "--watch", "stale")
	if code != 2 || !strings.Contains(errs, `watchlist "stale"`) || !strings.Contains(errs, `"Deleted Segment"`) {
		t.Errorf("a name that no longer matches: %d %q", code, errs)
	}
	code, _, errs = runSegdash(t, env, "check", "--watch", "nope")
	if code != 2 || !strings.Contains(errs, "team, stale") {
		t.Errorf("unknown watchlist: %d %q", code, errs)
	}
}
