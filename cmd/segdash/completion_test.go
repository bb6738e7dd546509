package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// completionEnv is a config with two workspaces, us and eu, and a saved
// listing for us, in a temporary home; requests counts every request the
// us endpoint gets (a completion must send none).
type completionEnv struct {
	env      map[string]string
	store    *snapshot.Store
	requests *atomic.Int64
}

func newCompletionEnv(t *testing.T) completionEnv {
	t.Helper()
	home := t.TempDir()
	for _, k := range []string{"HOME", "XDG_CACHE_HOME", "LocalAppData"} {
		t.Setenv(k, filepath.Join(home, "cache-"+k)) // os.UserCacheDir, per OS
	}
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.Error(w, "no requests from a completion", http.StatusTeapot)
	}))
	t.Cleanup(srv.Close)
	path := filepath.Join(home, "config.yaml")
	body := "default_workspace: us\nworkspaces:\n" +
		"  us:\n    endpoint: " + srv.URL + "\n    api_key_env: US_KEY\n    watchlists:\n      morning:\n        - VIP\n      evening:\n        - Churn\n" +
		"  eu:\n    endpoint: EU-01\n    api_key_env: EU_KEY\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SEGDASH_CONFIG": path, "US_KEY": "us-key", "EU_KEY": "eu-key"}
	cfg, err := config.Resolve(config.Input{Getenv: func(k string) string { return env[k] }, Workspace: "us"}, noUserConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	store := config.SnapshotStore(cfg, time.Now)
	segs := []client.Segment{
		{ID: "3bbc4555-8fa0-4c9b-a5c0-4505edf3e064", Name: "Lapsed Users - 7 days", AnalyticsTrackingEnabled: true, Tags: []string{"retention"}},
		{ID: "4ccd5666-0000-4c9b-a5c0-4505edf3e064", Name: "VIP", AnalyticsTrackingEnabled: true, Tags: []string{"value"}},
		{ID: "5dde6777-0000-4c9b-a5c0-4505edf3e064", Name: "Untracked", Tags: []string{"retention"}},
		{ID: "6eef7888-0000-4c9b-a5c0-4505edf3e064", Name: "Bad\x1b[31mname", AnalyticsTrackingEnabled: true},
	}
	if err := store.Save(&snapshot.Snapshot{ListedAt: time.Now(), Segments: segs}); err != nil {
		t.Fatal(err)
	}
	return completionEnv{env: env, store: store, requests: &requests}
}

func noUserConfigDir() (string, error) { return "", os.ErrNotExist }

// complete runs `segdash __complete args...` and returns the offered
// values (descriptions cut) and the directive line.
func (e completionEnv) complete(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	code, out, errs := runSegdash(t, e.env, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %q: %d %s", args, code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var values []string
	for _, l := range lines[:len(lines)-1] {
		values = append(values, strings.SplitN(l, "\t", 2)[0])
	}
	return values, lines[len(lines)-1]
}

func TestCompletion(t *testing.T) {
	e := newCompletionEnv(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", ""}, "Lapsed Users - 7 days|VIP"},
		{[]string{"check", "la"}, "Lapsed Users - 7 days"},
		{[]string{"check", "3bb"}, "3bbc4555-8fa0-4c9b-a5c0-4505edf3e064"},
		{[]string{"check", "VIP", ""}, "Lapsed Users - 7 days"},
		{[]string{"check", "-w", "eu", ""}, ""}, // no saved data for eu
		{[]string{"-w", ""}, "us|eu"},
		{[]string{"scan", "-w", ""}, "us|eu|all"},
		{[]string{"check", "--watch", ""}, "morning|evening"},
		{[]string{"--watch", "m"}, "morning"},
		{[]string{"scan", "--tag", ""}, "retention|value"},
		{[]string{"scan", "--format", ""}, "table|json|csv|nagios|prometheus"},
		{[]string{"check", "--format", "j"}, "json"},
		{[]string{"scan", "--sort", ""}, "score|day|window|name"},
		{[]string{"--theme", "h"}, "high-contrast"},
		{[]string{"config", "path", "--color", ""}, "auto|always|never"},
		{[]string{"check", "--length", ""}, ""},
		{[]string{"version", ""}, ""},
	}
	for _, tt := range tests {
		got, directive := e.complete(t, tt.args...)
		if strings.Join(got, "|") != tt.want || directive != ":4" {
			t.Errorf("complete %q: %q %s, want %q :4 (no files)", tt.args, got, directive, tt.want)
		}
	}
	if _, directive := e.complete(t, "--config", ""); directive == ":4" {
		t.Errorf("--config must complete files: %s", directive)
	}
	if n := e.requests.Load(); n != 0 {
		t.Errorf("completion sent %d API requests", n)
	}
}

// TestCompletionLeavesABadSnapshotAlone: a completion only reads; setting
// a bad file aside is for the next real run.
func TestCompletionLeavesABadSnapshotAlone(t *testing.T) {
	e := newCompletionEnv(t)
	if err := os.WriteFile(e.store.Path(), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	// What was there before the completion (the file, and the lock file
	// the set-up's save left) is all there is after it.
	names := func() []string {
		entries, _ := os.ReadDir(filepath.Dir(e.store.Path()))
		var out []string
		for _, en := range entries {
			out = append(out, en.Name())
		}
		return out
	}
	before := names()
	if got, _ := e.complete(t, "check", ""); len(got) != 0 {
		t.Errorf("offered %q from a bad file", got)
	}
	if after := names(); !slices.Contains(after, filepath.Base(e.store.Path())) || !slices.Equal(before, after) {
		t.Errorf("the cache dir changed: %v, then %v", before, after)
	}
}

// TestCompletionInTheDemo: with no key and no config file, a command runs
// on the demo, and completion offers the demo's names and tags, which it
// knows without a request or any saved data.
func TestCompletionInTheDemo(t *testing.T) {
	home := t.TempDir()
	for _, k := range []string{"HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "LocalAppData", "AppData"} {
		t.Setenv(k, filepath.Join(home, k))
	}
	e := completionEnv{env: map[string]string{}}
	got, directive := e.complete(t, "check", "Churn Risk (E")
	if strings.Join(got, "|") != "Churn Risk (EU)|Churn Risk (EU) #2" || directive != ":4" {
		t.Errorf("demo names: %q %s", got, directive)
	}
	tags, _ := e.complete(t, "scan", "--tag", "ret")
	if strings.Join(tags, "|") != "retention" {
		t.Errorf("demo tags: %q", tags)
	}
}
