package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

// twoWorkspaces writes a config with workspaces us and eu and a key file
// for us; eu's key comes from the environment.
func twoWorkspaces(t *testing.T, extra string) (path string) {
	t.Helper()
	dir := t.TempDir()
	key := filepath.Join(dir, "us.key")
	if err := os.WriteFile(key, []byte("us-key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "config.yaml")
	body := "theme: mono\n" +
		"watchlists:\n  top:\n    - VIP\n" +
		"default_workspace: us\n" +
		"workspaces:\n" +
		"  us:\n    endpoint: US-03\n    api_key_file: " + key + "\n" +
		"    watchlists:\n      morning:\n        - VIP\n" +
		"    rules:\n      - name: floor\n        watchlist: morning\n        below: 10\n" +
		"  eu:\n    endpoint: EU-01\n    api_key_env: EU_KEY\n    authorized_keys: /etc/segdash/eu_keys\n" + extra
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWorkspacesSelect(t *testing.T) {
	path := twoWorkspaces(t, "")
	getenv := env(map[string]string{"EU_KEY": "eu-key", "BRAZE_API_KEY": ""})
	def, err := Resolve(Input{Getenv: getenv, ConfigFlag: path}, noConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	if def.Workspace != "us" || def.APIKey != "us-key" || def.Endpoint != "https://rest.iad-03.braze.com" || def.Theme != "mono" {
		t.Errorf("default workspace: %q %q %q %q", def.Workspace, def.APIKey, def.Endpoint, def.Theme)
	}
	if _, err := def.Watchlist("morning"); err != nil || len(def.Rules) != 1 {
		t.Errorf("us's own watchlists and rules: %v %v", err, def.Rules)
	}
	if _, err := def.Watchlist("top"); err == nil {
		t.Error("the unnamed workspace's watchlist leaked into us")
	}
	eu, err := def.Select("eu")
	if err != nil {
		t.Fatal(err)
	}
	if eu.APIKey != "eu-key" || eu.Endpoint != "https://rest.fra-01.braze.eu" || len(eu.Watchlists) != 0 || len(eu.Rules) != 0 ||
		eu.AuthorizedKeys != "/etc/segdash/eu_keys" || eu.Source("api_key") != "env EU_KEY" {
		t.Errorf("eu: %q %q %v %v %q %q", eu.APIKey, eu.Endpoint, eu.Watchlists, eu.Rules, eu.AuthorizedKeys, eu.Source("api_key"))
	}
	// Selecting from eu never carries eu's key into another workspace.
	unnamed, err := eu.Select("")
	if err != nil || !unnamed.Demo || unnamed.APIKey != "" || unnamed.Workspace != "" {
		t.Errorf("unnamed from eu: %v demo=%v key=%q", err, unnamed.Demo, unnamed.APIKey)
	}
	// The environment alone is the unnamed workspace, before default_workspace.
	envOnly, err := Resolve(Input{Getenv: env(map[string]string{"BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "AU-01"}), ConfigFlag: path}, noConfigDir)
	if err != nil || envOnly.Workspace != "" || envOnly.APIKey != "k" || envOnly.Endpoint != "https://rest.au-01.braze.com" {
		t.Errorf("env only: %v %q %q", err, envOnly.Workspace, envOnly.Endpoint)
	}
	// --workspace wins over the environment, whose key it never takes.
	w, err := Resolve(Input{Getenv: env(map[string]string{"BRAZE_API_KEY": "k", "EU_KEY": "eu-key"}), ConfigFlag: path, Workspace: "eu"}, noConfigDir)
	if err != nil || w.APIKey != "eu-key" {
		t.Errorf("--workspace eu with BRAZE_API_KEY set: %v %q", err, w.APIKey)
	}
	_, err = Resolve(Input{Getenv: getenv, ConfigFlag: path, Workspace: "apac"}, noConfigDir)
	if err == nil || !strings.Contains(err.Error(), `unknown workspace "apac"; the workspaces are: us, eu`) {
		t.Errorf("unknown workspace: %v", err)
	}
	_, err = Resolve(Input{Getenv: getenv, ConfigFlag: path, Workspace: "eu", Flags: map[string]string{"endpoint": "https://evil.example"}}, noConfigDir)
	if err == nil || !strings.Contains(err.Error(), "do not go with --workspace") {
		t.Errorf("--endpoint with --workspace: %v", err)
	}
	_, err = def.Select("eu")
	if err != nil {
		t.Fatal(err)
	}
	noEnv, _ := Resolve(Input{Getenv: env(nil), ConfigFlag: path}, noConfigDir)
	if _, err := noEnv.Select("eu"); err == nil || !strings.Contains(err.Error(), `workspace "eu" (`+path+`:17): api_key_env: the environment variable EU_KEY is not set`) {
		t.Errorf("missing key env: %v", err)
	}
}

func TestWorkspaceErrors(t *testing.T) {
	cases := map[string]string{
		"  ap:\n    endpoint: US-09\n    api_key_env: K\n":                    `:22: workspace "ap": endpoint: invalid endpoint: unknown Braze instance "US-09"; known: US-01`,
		"  ap:\n    endpoint: US-01\n":                                        `:21: workspace "ap": no key: set api_key_file`,
		"  ap:\n    api_key_env: K\n":                                         `:21: workspace "ap": no endpoint`,
		"  ap:\n    endpoint: US-01\n    api_key_env: K\n    colour: x\n":     `:24: workspace "ap": unknown setting "colour"; valid settings: endpoint, api_key_file, api_key_env, authorized_keys, watchlists, rules`,
		"  ap:\n    endpoint: US-01\n    api_key: abc\n":                      `:23: workspace "ap": api_key: the API key itself does not belong`,
		"  ap:\n    endpoint: US-01\n    api_key_env: K\n    watchlists: 3\n": `workspace "ap": ` + "%s:24: watchlists: want a mapping",
		"  ap:\n    endpoint: US-01\n    api_key_env: K\n    rules:\n      - name: r\n        watchlist: none\n        below: 1\n": `workspace "ap": ` + "%s:25: rule \"r\": no watchlist \"none\"; defined: none",
		"  us:\n    endpoint: US-01\n    api_key_env: K\n":                                                                         `:21: workspaces: "us" is defined twice`,
		"  \"a b\":\n    endpoint: US-01\n    api_key_env: K\n":                                                                    `:21: workspaces: "a b": a workspace name is letters, digits`,
	}
	for extra, want := range cases {
		path := twoWorkspaces(t, extra)
		want = strings.ReplaceAll(want, "%s", path)
		if !strings.HasPrefix(want, "workspace") && !strings.Contains(want, path) {
			want = path + want
		}
		if _, err := Resolve(Input{Getenv: env(nil), ConfigFlag: path}, noConfigDir); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v\nwant %q", extra, err, want)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	os.WriteFile(path, []byte("default_workspace: nope\nworkspaces:\n  a:\n    endpoint: US-01\n    api_key_env: K\n"), 0o600)
	if _, err := Resolve(Input{Getenv: env(nil), ConfigFlag: path}, noConfigDir); err == nil ||
		!strings.Contains(err.Error(), path+`:1: default_workspace: no workspace "nope"; the workspaces are: a`) {
		t.Errorf("bad default: %v", err)
	}
}

func TestSaveIntoAWorkspace(t *testing.T) {
	path := twoWorkspaces(t, "")
	segs := []client.Segment{{ID: "11111111-2222-4333-8444-555555555555", Name: "EU VIP"}}
	if err := SaveWorkspaceWatchlist(path, "eu", "evening", segs); err != nil {
		t.Fatal(err)
	}
	cfg, err := Resolve(Input{Getenv: env(map[string]string{"EU_KEY": "e"}), ConfigFlag: path, Workspace: "eu"}, noConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	if wl, err := cfg.Watchlist("evening"); err != nil || wl.Segments[0] != segs[0].ID {
		t.Errorf("eu's saved watchlist: %v %v", wl, err)
	}
	us, _ := cfg.Select("us")
	unnamed, _ := cfg.Select("")
	if _, err := us.Watchlist("evening"); err == nil {
		t.Error("eu's watchlist shows in us")
	}
	if _, err := unnamed.Watchlist("evening"); err == nil {
		t.Error("eu's watchlist shows in the unnamed workspace")
	}
	if err := SaveWorkspaceWatchlist(path, "apac", "x", segs); err == nil || !strings.Contains(err.Error(), `no workspace "apac"`) {
		t.Errorf("saving into an unknown workspace: %v", err)
	}
}

// TestKeysOutsidePrintableASCIIRefused: a key with white space or a
// character outside printable ASCII (client.CheckKey, the one check) is
// refused when the configuration is resolved, naming where the key came
// from and never the key, for the environment and a workspace alike.
func TestKeysOutsidePrintableASCIIRefused(t *testing.T) {
	path := twoWorkspaces(t, "")
	for _, bad := range []string{"ab cd", "abc\x7fd", "clé-123"} {
		_, err := Resolve(Input{Getenv: env(map[string]string{"BRAZE_API_KEY": bad, "BRAZE_REST_ENDPOINT": "US-03"})}, noConfigDir)
		if err == nil || !strings.Contains(err.Error(), "check env BRAZE_API_KEY") || strings.Contains(err.Error(), bad) {
			t.Errorf("BRAZE_API_KEY %q: %v", bad, err)
		}
		def, err := Resolve(Input{Getenv: env(map[string]string{"EU_KEY": bad}), ConfigFlag: path}, noConfigDir)
		if err != nil {
			t.Fatal(err) // the default workspace, us, has a good key
		}
		if _, err := def.Select("eu"); err == nil || !strings.Contains(err.Error(), "check env EU_KEY") || strings.Contains(err.Error(), bad) {
			t.Errorf("EU_KEY %q: %v", bad, err)
		}
	}
}
