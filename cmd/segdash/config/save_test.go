package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

func TestWatchlistRoundTripKeepsComments(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	orig := `# team settings
endpoint: US-01 # our instance
watchlists:
  # the morning check
  morning:
    - VIP
  growth:
    - Win-back / beta
`
	os.WriteFile(path, []byte(orig), 0o640)
	segs := []client.Segment{{ID: "3bbc4555-8fa0-4c9b-a5c0-4505edf3e064", Name: "Lapsed \x1b[31mUsers"}, {ID: "00000000-0000-4000-8000-000000000001", Name: "VIP"}}
	if err := SaveWatchlist(path, "growth", segs); err != nil {
		t.Fatal(err)
	}
	if err := SaveWatchlist(path, "new one", segs[:1]); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	text := string(b)
	for _, want := range []string{"# team settings", "# our instance", "# the morning check", "- VIP",
		"- 3bbc4555-8fa0-4c9b-a5c0-4505edf3e064 # Lapsed Users", "new one:"} {
		if !strings.Contains(text, want) {
			t.Errorf("rewritten file lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Win-back") || strings.Contains(text, "\x1b") {
		t.Errorf("old entry kept or raw escape written:\n%s", text)
	}
	cf, err := readConfigFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, w := range cf.watchlists {
		got[w.Name] = w.Segments
	}
	if len(got["growth"]) != 2 || got["growth"][0] != segs[0].ID || len(got["new one"]) != 1 || got["morning"][0] != "VIP" {
		t.Errorf("read back: %v", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("mode changed to %v", st.Mode().Perm())
	}
	// A new file is created, private.
	fresh := filepath.Join(dir, "sub", "config.yaml")
	if err := SaveWatchlist(fresh, "x", segs); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o600 {
		t.Errorf("new config mode %v", st.Mode().Perm())
	}
	// A file that is not valid YAML is never rewritten.
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("endpoint: [\n"), 0o600)
	if err := SaveWatchlist(bad, "x", segs); err == nil {
		t.Error("rewrote an invalid file")
	}
	if b, _ := os.ReadFile(bad); string(b) != "endpoint: [\n" {
		t.Error("invalid file changed")
	}
}
