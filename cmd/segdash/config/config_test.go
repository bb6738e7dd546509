package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// env is a getenv over a map.
func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// noConfigDir is a user config dir that does not exist in tests.
func noConfigDir() (string, error) { return "", errors.New("no config dir in tests") }

func TestFileErrors(t *testing.T) {
	cases := map[string]string{
		"bad-length.yaml":      "bad-length.yaml:1: length: window of 500 days is out of range: 1..365 days",
		"unknown-key.yaml":     "unknown-key.yaml:2: unknown setting \"colour\"; valid settings: endpoint, api_key_file, theme",
		"api-key.yaml":         "api-key.yaml:1: api_key: the API key itself does not belong in the config file",
		"bad-yaml.yaml":        "bad-yaml.yaml: not valid YAML",
		"bad-watchlist.yaml":   "bad-watchlist.yaml:2: watchlists: morning: want a list",
		"bad-theme.yaml":       "bad-theme.yaml:1: theme: unknown theme \"neon\"; valid themes: auto, dark, high-contrast, light, mono, ocean",
		"bad-refresh.yaml":     "bad-refresh.yaml:1: refresh: \"5 minutes\": want 0 (off) or a duration",
		"bad-concurrency.yaml": "bad-concurrency.yaml:1: concurrency: \"99\": want a whole number from 1 to 16",
		"bad-endpoint.yaml":    "unknown Braze instance \"US-09\"",
		"missing.yaml":         "does not exist",
	}
	for file, want := range cases {
		in := Input{Getenv: env(map[string]string{"BRAZE_API_KEY": "k"}), ConfigFlag: filepath.Join("testdata", file)}
		if _, err := Resolve(in, noConfigDir); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want %q", file, err, want)
		}
	}
	cfg, err := Resolve(Input{Getenv: env(nil), ConfigFlag: filepath.Join("testdata", "empty.yaml")}, noConfigDir)
	if err != nil || !cfg.Demo {
		t.Errorf("an empty file: %v %+v", err, cfg)
	}
}

func TestPrecedence(t *testing.T) {
	full := filepath.Join("testdata", "full.yaml")
	cases := []struct {
		name     string
		env      map[string]string
		flags    map[string]string
		endpoint string
		source   string
		length   int
		conc     int
	}{
		{"file", map[string]string{"SEGDASH_CONFIG": full, "BRAZE_API_KEY": "k"}, nil,
			"https://rest.iad-01.braze.com", full + ":2", 7, 2},
		{"env over file", map[string]string{"SEGDASH_CONFIG": full, "BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "EU-01"}, nil,
			"https://rest.fra-01.braze.eu", "env BRAZE_REST_ENDPOINT", 7, 2},
		{"flag over env", map[string]string{"SEGDASH_CONFIG": full, "BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "EU-01"},
			map[string]string{"endpoint": "AU-01", "concurrency": "8", "length": "90"},
			"https://rest.au-01.braze.com", "flag --endpoint", 90, 8},
		{"defaults", map[string]string{"BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "US-03"}, nil,
			"https://rest.iad-03.braze.com", "env BRAZE_REST_ENDPOINT", DefaultLength, DefaultConcurrency},
	}
	for _, tc := range cases {
		cfg, err := Resolve(Input{Getenv: env(tc.env), Flags: tc.flags}, noConfigDir)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if cfg.Endpoint != tc.endpoint || cfg.Source("endpoint") != tc.source || cfg.Length != tc.length || cfg.Concurrency != tc.conc {
			t.Errorf("%s: endpoint %s from %s, length %d, concurrency %d", tc.name, cfg.Endpoint, cfg.Source("endpoint"), cfg.Length, cfg.Concurrency)
		}
	}
	_, err := Resolve(Input{Getenv: env(map[string]string{"BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "US-03"}),
		Flags: map[string]string{"length": "500"}}, noConfigDir)
	if err == nil || !strings.HasPrefix(err.Error(), "--length:") {
		t.Errorf("a bad flag: %v", err)
	}
}

func TestWatchlistLinesAndLookup(t *testing.T) {
	cfg, err := Resolve(Input{Getenv: env(map[string]string{"BRAZE_API_KEY": "k"}), ConfigFlag: filepath.Join("testdata", "full.yaml")}, noConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	w, err := cfg.Watchlist("morning")
	if err != nil || len(w.Segments) != 2 || cfg.WatchlistLine("morning") == 0 {
		t.Errorf("morning: %+v %v line %d", w, err, cfg.WatchlistLine("morning"))
	}
	if _, err := cfg.Watchlist(strings.Repeat("x", 5000)); err == nil || len(err.Error()) > 300 {
		t.Errorf("unknown watchlist error: %.300v", err)
	}
}

func TestDemoPace(t *testing.T) {
	cfg := Default()
	cfg.Demo = true
	cfg.Sources["cache_ttl"] = "flag --cache-ttl"
	cfg.DemoPace(10 * time.Second)
	if cfg.Refresh != 10*time.Second || cfg.CacheTTL != DefaultCacheTTL {
		t.Errorf("demo pace: refresh %v, ttl %v", cfg.Refresh, cfg.CacheTTL)
	}
}

// FuzzConfigFile feeds arbitrary files to the config reader and resolver:
// an error or a config, never a panic.
func FuzzConfigFile(f *testing.F) {
	for _, name := range []string{"full.yaml", "bad-length.yaml", "unknown-key.yaml", "bad-watchlist.yaml", "empty.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("watchlists:\n  a: [\"\", ~]\n")
	f.Add("length: &x 5\nrefresh: *x\n")
	f.Fuzz(func(t *testing.T, content string) {
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		cf, err := readConfigFile(path)
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if cf == nil {
			t.Fatal("no config and no error for an existing file")
		}
		cfg := Default()
		var endpoint string
		if err := cfg.applyFile(cf, &endpoint); err != nil && !strings.Contains(err.Error(), path) {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}

// TestHidePaths: with HidePaths, the messages built from a configuration
// name no server path, and Select keeps it so.
func TestHidePaths(t *testing.T) {
	path := twoWorkspaces(t, "")
	cfg, err := Resolve(Input{Getenv: env(map[string]string{"EU_KEY": "eu-key"}), ConfigFlag: path}, noConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.Watchlist("nope"); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("locally the path is told: %v", err)
	}
	cfg.HidePaths = true
	eu, err := cfg.Select("eu")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []Config{cfg, eu} {
		_, err := c.Watchlist("nope")
		for _, msg := range []string{err.Error(), c.FileLabel(), c.WatchlistFileLabel()} {
			if strings.Contains(msg, filepath.Dir(path)) || !strings.Contains(msg, "the server's config file") {
				t.Errorf("workspace %q: %q", c.Workspace, msg)
			}
		}
	}
}
