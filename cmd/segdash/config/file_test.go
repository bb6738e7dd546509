package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/filetest"
)

// TestFilesThatAreNotFiles: config and key files are regular files of a
// bounded size; anything else is refused at once, with a short message.
func TestFilesThatAreNotFiles(t *testing.T) {
	n := filetest.Make(t, 0)
	dir, fifo, zero := n.Dir, n.FIFO, n.Zero
	big := filepath.Join(dir, "big.yaml")
	os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxConfigSize)+"\n"), 0o600)
	longValue := filepath.Join(dir, "long.yaml")
	os.WriteFile(longValue, []byte("theme: "+strings.Repeat("n", 500_000)+"\n"), 0o600)
	twoDocs := filepath.Join(dir, "two.yaml")
	os.WriteFile(twoDocs, []byte("length: 7\n---\nlength: 90\n"), 0o600)
	bigKey := filepath.Join(dir, "key")
	os.WriteFile(bigKey, []byte(strings.Repeat("k", MaxKeySize+1)), 0o600)
	cases := []struct {
		name, config, keyFile, want string
	}{
		{"fifo config", fifo, "", "not a regular file (a FIFO)"},
		{"/dev/zero config", zero, "", "not a regular file (a device)"},
		{"directory config", dir, "", "not a regular file (a directory)"},
		{"huge config", big, "", "larger than 1048576 bytes"},
		{"long value", longValue, "", "unknown theme"},
		{"two documents", twoDocs, "", "two.yaml:2: a second YAML document"},
		{"fifo key", "", fifo, "not a regular file (a FIFO)"},
		{"/dev/zero key", "", zero, "not a regular file (a device)"},
		{"huge key", "", bigKey, "larger than 4096 bytes"},
	}
	for _, tc := range cases {
		in := Input{Getenv: env(map[string]string{"BRAZE_REST_ENDPOINT": "US-03"}), ConfigFlag: tc.config, Flags: map[string]string{}}
		if tc.config == "" {
			in.ConfigFlag = filepath.Join(dir, "none.yaml")
			os.WriteFile(in.ConfigFlag, nil, 0o600)
		}
		if tc.keyFile != "" {
			in.Flags["api-key-file"] = tc.keyFile
		}
		_, err := Resolve(in, noConfigDir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		} else if len(err.Error()) > 400 {
			t.Errorf("%s: a %d-byte error", tc.name, len(err.Error()))
		}
	}
}

func TestSaveWritesThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "dotfiles", "segdash.yaml")
	os.MkdirAll(filepath.Dir(target), 0o700)
	os.WriteFile(target, []byte("length: 7 # a week\n"), 0o640)
	link := filepath.Join(dir, "config.yaml")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := SaveWatchlist(link, "team", []client.Segment{{ID: "a1", Name: "A"}}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	b, _ := os.ReadFile(target)
	if !strings.Contains(string(b), "- a1 # A") || !strings.Contains(string(b), "# a week") {
		t.Errorf("target not rewritten with its comments:\n%s", b)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o640 {
		t.Errorf("target mode %v", st.Mode().Perm())
	}
}

func TestSaveRefusesReadOnlyFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(path, []byte("length: 7\n"), 0o444)
	err := SaveWatchlist(path, "team", []client.Segment{{ID: "a1"}})
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("a 0444 config: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "length: 7\n" {
		t.Errorf("a read-only file changed:\n%s", b)
	}
}

func TestSaveKeepsACommentsOnlyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	orig := "# segdash settings\n# endpoint: US-03\n"
	os.WriteFile(path, []byte(orig), 0o600)
	if err := SaveWatchlist(path, "team", []client.Segment{{ID: "a1"}}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), orig) || !strings.Contains(string(b), "team:") {
		t.Errorf("comments lost:\n%s", b)
	}
	cf, err := readConfigFile(path)
	if err != nil || len(cf.watchlists) != 1 {
		t.Errorf("read back: %v %+v", err, cf)
	}
}

// TestDemoWatchlistsStayApart: a watchlist saved in the demo goes to its
// own file, never into the workspace's config.
func TestDemoWatchlistsStayApart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	orig := "watchlists:\n  real:\n    - 11111111-2222-4333-8444-555555555555\n"
	os.WriteFile(path, []byte(orig), 0o600)
	demo, err := Resolve(Input{Getenv: env(nil), ConfigFlag: path}, noConfigDir)
	if err != nil || !demo.Demo {
		t.Fatal(err)
	}
	if demo.WatchlistFile != filepath.Join(dir, DemoWatchlistFile) || len(demo.Watchlists) != 0 {
		t.Fatalf("demo watchlists from %s: %v", demo.WatchlistFile, demo.Watchlists)
	}
	if err := SaveWatchlist(demo.WatchlistFile, "demo", []client.Segment{{ID: "d1"}}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != orig {
		t.Errorf("the real config changed:\n%s", b)
	}
	again, err := Resolve(Input{Getenv: env(nil), ConfigFlag: path}, noConfigDir)
	if _, werr := again.Watchlist("demo"); err != nil || werr != nil {
		t.Errorf("demo watchlist not read back: %v %v", err, werr)
	}
	real, err := Resolve(Input{Getenv: env(map[string]string{"BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "US-03"}), ConfigFlag: path}, noConfigDir)
	if _, werr := real.Watchlist("demo"); err != nil || werr == nil {
		t.Errorf("the workspace sees the demo's watchlist: %v", err)
	}
}
