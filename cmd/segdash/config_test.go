package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigPrecedence(t *testing.T) {
	full := filepath.Join("config", "testdata", "full.yaml")
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want []string // "setting value from" fragments of `segdash config`
	}{
		{"file", map[string]string{"SEGDASH_CONFIG": full, "BRAZE_API_KEY": "k"}, nil,
			[]string{"https://rest.iad-01.braze.com  " + full + ":2", "light", "7 days", "1m0s", "2m0s", "watchlist morning  2 segments"}},
		{"env over file", map[string]string{"SEGDASH_CONFIG": full, "BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "EU-01"}, nil,
			[]string{"https://rest.fra-01.braze.eu", "env BRAZE_REST_ENDPOINT"}},
		{"flag over env", map[string]string{"SEGDASH_CONFIG": full, "BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "EU-01"},
			[]string{"--endpoint", "AU-01", "--concurrency", "8"},
			[]string{"https://rest.au-01.braze.com", "flag --endpoint", "8", "flag --concurrency"}},
		{"--config over env", map[string]string{"SEGDASH_CONFIG": "config/testdata/nope.yaml", "BRAZE_API_KEY": "k"},
			[]string{"--config", full}, []string{"config file: " + full}},
		{"defaults", map[string]string{"BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "US-03"}, nil,
			[]string{"(not found: defaults apply)", "30 days", "default", "5m0s"}},
	}
	for _, tc := range cases {
		code, out, errs := runSegdash(t, tc.env, append([]string{"config"}, tc.args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", tc.name, code, errs)
		}
		flat := strings.Join(strings.Fields(out), " ")
		for _, w := range tc.want {
			if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
				t.Errorf("%s: output lacks %q:\n%s", tc.name, w, out)
			}
		}
		if strings.Contains(out, "k\n") || strings.Contains(out, " k ") {
			t.Errorf("%s: the key is printed:\n%s", tc.name, out)
		}
	}
}

func TestDashboardFlagsOverrideTheFile(t *testing.T) {
	full := filepath.Join("config", "testdata", "full.yaml")
	env := map[string]string{"SEGDASH_CONFIG": full, "BRAZE_API_KEY": "k"}
	code, _, errs := runSegdash(t, env, "--length", "500")
	if code != 2 || !strings.Contains(errs, "--length") {
		t.Errorf("%d %q", code, errs)
	}
	code, _, errs = runSegdash(t, env, "--theme", "mono", "--length", "90")
	if code != 2 || !strings.Contains(errs, "needs a terminal") {
		t.Errorf("valid flags over the file: %d %q", code, errs)
	}
}

func TestKeyFilePermissionsWarning(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "key")
	os.WriteFile(key, []byte("secret-key-value\n"), 0o644)
	env := map[string]string{"BRAZE_REST_ENDPOINT": "US-03"}
	code, out, errs := runSegdash(t, env, "config", "--api-key-file", key)
	if code != 0 || !strings.Contains(errs, "chmod 600 "+key) || strings.Contains(out+errs, "secret-key-value") {
		t.Errorf("world-readable key file: %d %q %q", code, out, errs)
	}
	os.Chmod(key, 0o600)
	_, _, errs = runSegdash(t, env, "config", "--api-key-file", key)
	if strings.Contains(errs, "chmod") {
		t.Errorf("warning for a 0600 key file: %q", errs)
	}
	// The file may name the key file; the environment's key wins over it.
	cfgFile := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfgFile, []byte("endpoint: US-03\napi_key_file: "+key+"\n"), 0o600)
	_, out, _ = runSegdash(t, map[string]string{"SEGDASH_CONFIG": cfgFile}, "config")
	if !strings.Contains(out, "read from "+key) || !strings.Contains(out, cfgFile+":2") {
		t.Errorf("key file from the config file:\n%s", out)
	}
	_, out, _ = runSegdash(t, map[string]string{"SEGDASH_CONFIG": cfgFile, "BRAZE_API_KEY": "x"}, "config")
	if !strings.Contains(out, "env BRAZE_API_KEY") {
		t.Errorf("env key over the file's key file:\n%s", out)
	}
}

// TestConfigShowsRulesAndTheDemosWatchlists: segdash config lists the
// rules, and in the demo says the file's watchlists are not the demo's.
func TestConfigShowsRulesAndTheDemosWatchlists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	text := "watchlists:\n  morning: [VIP]\nrules:\n  - name: breaks\n    all: true\n    anomaly: true\n  - name: floor\n    tag: vip\n    below: 5\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runSegdash(t, map[string]string{}, "config", "--config", path)
	if code != 0 || !strings.Contains(out, "2 rules: breaks, floor") || !strings.Contains(out, "the demo keeps its own watchlists") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}
