package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/dash"
)

func TestDashboardFlagErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--theme", "neon"}, "valid themes: auto, dark, high-contrast, light, mono, ocean"},
		{[]string{"--refresh", "10ms"}, "--refresh"},
		{[]string{"--refresh", "-1m"}, "--refresh"},
		{[]string{"--length", "500"}, "1..365"},
		{[]string{"extra-arg"}, "unknown command"},
	}
	for _, tc := range cases {
		code, _, errs := runSegdash(t, map[string]string{}, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d %q, want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
}

func TestDashboardNeedsATerminal(t *testing.T) {
	code, _, errs := runSegdash(t, map[string]string{}, "--theme", "light")
	if code != 2 || !strings.Contains(errs, "needs a terminal") || !strings.Contains(errs, "segdash check") {
		t.Errorf("exit %d %q", code, errs)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runSegdash(t, nil, "version")
	if code != 0 || !strings.HasPrefix(out, "segdash ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestDashboardOptionsSnapshotAndWarnings(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache) // os.UserCacheDir reads the process environment
	cfg := config.Config{Endpoint: "https://rest.iad-01.braze.com", APIKey: "k", Theme: "dark", Length: 7, Refresh: time.Minute,
		Warnings: []string{"the API key file /k can be read by group or others; fix: chmod 600 /k"}}
	store := config.SnapshotStore(cfg, time.Now)
	if store == nil || !strings.HasPrefix(store.Path(), filepath.Join(cache, "segdash")) {
		t.Fatalf("store at %v", store)
	}
	os.MkdirAll(filepath.Dir(store.Path()), 0o700)
	os.WriteFile(store.Path(), []byte("{not json"), 0o600)
	var printed []string
	d := &dashFlags{}
	o, err := d.options(&app{getenv: func(string) string { return "" }, now: time.Now}, cfg, func(s string) { printed = append(printed, s) })
	if err != nil {
		t.Fatal(err)
	}
	if o.Snapshot != nil || o.SaveSnapshot == nil || len(printed) != 1 || !strings.Contains(printed[0], "moved to") {
		t.Errorf("corrupt snapshot: %+v, printed %v", o.Snapshot, printed)
	}
	if !strings.Contains(o.Notice, "chmod 600") || !strings.Contains(o.Notice, "moved to") {
		t.Errorf("start-up notice %q", o.Notice)
	}
	d.Offline = true
	if _, err := d.options(&app{getenv: func(string) string { return "" }, now: time.Now}, cfg, func(string) {}); err == nil || !strings.Contains(err.Error(), "no saved data") {
		t.Errorf("--offline without a snapshot: %v", err)
	}
	if config.SnapshotStore(config.Config{Demo: true}, time.Now) != nil {
		t.Error("the demo keeps a snapshot")
	}
}

// TestDashboardPanicExitsWithAnError: a crash of the dashboard ends
// segdash with exit 2.
func TestDashboardPanicExitsWithAnError(t *testing.T) {
	if code := cli.ExitCode(io.Discard, dash.ErrPanic); code != cli.ExitError {
		t.Errorf("exit %d after a panic", code)
	}
}

func TestHelpAndFlagsListing(t *testing.T) {
	code, _, errs := runSegdash(t, nil, "help", "nope")
	if code != 2 || !strings.Contains(errs, `unknown help topic "nope"`) {
		t.Errorf("help nope: exit %d %q", code, errs)
	}
	if code, out, _ := runSegdash(t, nil, "help", "check"); code != 0 || !strings.Contains(out, "segdash check") {
		t.Errorf("help check: exit %d", code)
	}
	for _, c := range []string{"version", "demo-api"} {
		_, out, _ := runSegdash(t, nil, c, "--help")
		if strings.Contains(out, "--endpoint") || strings.Contains(out, "--config") || strings.Contains(out, "--cache-ttl") {
			t.Errorf("%s lists flags that do not apply to it:\n%s", c, out)
		}
	}
	for _, c := range [][]string{{"check", "--help"}, {"serve", "--help"}} {
		_, out, _ := runSegdash(t, nil, c...)
		for _, l := range strings.Split(out, "\n") {
			if (strings.Contains(l, "--length") || strings.Contains(l, "--refresh")) && strings.Count(l, "default") > 1 {
				t.Errorf("%s: two defaults in %q", c[0], l)
			}
		}
	}
}
