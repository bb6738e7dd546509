package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeyPastedIntoSettings: a key pasted where a file name, a variable
// name, a theme or an endpoint belongs is refused with what is wrong, and
// never quoted: neither a key-shaped value nor the environment's key.
func TestKeyPastedIntoSettings(t *testing.T) {
	const uuid = "3bbc4555-8fa0-4c9b-a5c0-4505edf3e064"
	const ambient = "acc-key-0123456789abcdef" // BRAZE_API_KEY, not key-shaped
	// ws is a workspace entry with setting in place of its default.
	ws := func(setting string) string {
		entry := map[string]string{"endpoint": "EU-01", "api_key_env": "EU_KEY"}
		k, v, _ := strings.Cut(setting, ": ")
		entry[k] = v
		s := "workspaces:\n  eu:\n"
		for _, k := range []string{"endpoint", "api_key_env", "api_key_file"} {
			if v, ok := entry[k]; ok {
				s += "    " + k + ": " + v + "\n"
			}
		}
		return s
	}
	cases := []struct {
		name, text string
		flags      map[string]string
		want       string
	}{
		{"api_key_file", "api_key_file: " + uuid + "\n", nil, ":1: api_key_file: the value looks like an API key itself (not shown), not the name of a file"},
		{"api_key_file upper", "api_key_file: " + strings.ToUpper(uuid) + "\n", nil, ":1: api_key_file: the value looks like an API key"},
		{"api_key_file ambient", "api_key_file: " + ambient + "\n", nil, ":1: api_key_file: the value looks like an API key"},
		{"theme", "theme: " + uuid + "\n", nil, ":1: theme: the value looks like an API key (not shown), not a theme; valid themes: auto, dark"},
		{"theme zero-width", "theme: 3bbc4555\u200b-8fa0-4c9b-a5c0-4505edf3e064\n", nil, ":1: theme: the value looks like an API key"},
		{"theme ambient", "theme: " + strings.ToUpper(ambient) + "\n", nil, ":1: theme: the value looks like an API key"},
		{"endpoint ambient", "endpoint: " + ambient + "\n", nil, "config.yaml:1): the value looks like an API key (not shown)"},
		{"default_workspace ambient", "default_workspace: " + ambient + "\n", nil, `default_workspace: no workspace "[redacted]"`},
		{"workspace api_key_env", ws("api_key_env: " + uuid), nil, `workspace "eu": api_key_env: the value looks like an API key itself (not shown), not the name of an environment variable`},
		{"workspace api_key_file", ws("api_key_file: " + uuid), nil, `workspace "eu": api_key_file: the value looks like an API key itself`},
		{"workspace endpoint", ws("endpoint: " + uuid), nil, `workspace "eu": endpoint: the value looks like an API key (not shown)`},
		{"workspace api_key_env not a name", ws("api_key_env: my key"), nil, `workspace "eu": api_key_env: want the name of an environment variable (like BRAZE_EU_KEY), got "my key"`},
		{"flag --theme", "", map[string]string{"theme": uuid}, "--theme: the value looks like an API key (not shown)"},
		{"flag --api-key-file", "", map[string]string{"api-key-file": uuid}, "API key file (flag --api-key-file): the value looks like an API key itself"},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, []byte(c.text), 0o600); err != nil {
			t.Fatal(err)
		}
		getenv := env(map[string]string{"BRAZE_API_KEY": ambient, "BRAZE_REST_ENDPOINT": "US-01", "EU_KEY": "eu-key"})
		if c.name == "endpoint ambient" {
			getenv = env(map[string]string{"BRAZE_API_KEY": ambient})
		}
		_, err := Resolve(Input{Getenv: getenv, ConfigFlag: path, Flags: c.flags}, noConfigDir)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v\nwant …%s", c.name, err, c.want)
			continue
		}
		low := strings.ToLower(strings.ReplaceAll(err.Error(), "\u200b", ""))
		for _, k := range []string{uuid, ambient} {
			if strings.Contains(low, k[4:16]) {
				t.Errorf("%s: the key is quoted: %v", c.name, err)
			}
		}
	}
}
