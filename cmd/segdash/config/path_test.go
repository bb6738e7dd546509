package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCandidatesAndPath(t *testing.T) {
	home, xdg := t.TempDir(), t.TempDir()
	getenv := env(map[string]string{"HOME": home})
	xdgEnv := env(map[string]string{"HOME": home, "XDG_CONFIG_HOME": xdg})
	dotConfig := filepath.Join(home, ".config", "segdash", "config.yaml")
	mac := filepath.Join(home, "Library", "Application Support", "segdash", "config.yaml")
	if got := candidates("darwin", getenv, noConfigDir); strings.Join(got, "|") != dotConfig+"|"+mac {
		t.Errorf("macOS candidates %q", got)
	}
	if got := candidates("linux", getenv, noConfigDir); strings.Join(got, "|") != dotConfig {
		t.Errorf("linux candidates %q", got)
	}
	if got := candidates("windows", env(map[string]string{"USERPROFILE": home, "AppData": xdg}), noConfigDir); len(got) != 2 || got[0] != dotConfig {
		t.Errorf("windows candidates %q", got)
	}
	if got := candidates("darwin", xdgEnv, noConfigDir)[0]; got != filepath.Join(xdg, "segdash", "config.yaml") {
		t.Errorf("XDG_CONFIG_HOME not first: %s", got)
	}
	osDir := func() (string, error) { return xdg, nil }
	if got := candidates("linux", env(nil), osDir); len(got) != 1 || got[0] != filepath.Join(xdg, "segdash", "config.yaml") {
		t.Errorf("no home in the environment: %q", got)
	}
}

func TestPathPrefersXDGThenTheOldPlace(t *testing.T) {
	home := t.TempDir()
	getenv := env(map[string]string{"HOME": home, "XDG_CONFIG_HOME": filepath.Join(home, "xdg")})
	cands := Candidates(getenv, noConfigDir)
	first := cands[0]
	if p, explicit := Path("", getenv, noConfigDir); p != first || explicit {
		t.Errorf("nothing exists: path %s %v, want %s", p, explicit, first)
	}
	if len(cands) > 1 { // macOS, Windows: the old place is read when only it has a file
		write(t, cands[1], "theme: dark\n")
		if p, _ := Path("", getenv, noConfigDir); p != cands[1] {
			t.Errorf("old OS default not read: %s", p)
		}
	}
	write(t, first, "theme: light\n")
	if p, _ := Path("", getenv, noConfigDir); p != first {
		t.Errorf("XDG not first: %s", p)
	}
	if p, explicit := Path("", env(map[string]string{"SEGDASH_CONFIG": "/x.yaml"}), noConfigDir); p != "/x.yaml" || !explicit {
		t.Errorf("SEGDASH_CONFIG: %s %v", p, explicit)
	}
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestInitWritesATemplateThatLoads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "segdash", "config.yaml")
	if err := Init(path); err != nil {
		t.Fatal(err)
	}
	cfg, err := Resolve(Input{Getenv: env(nil), ConfigFlag: path}, noConfigDir)
	if err != nil || !cfg.FileFound || len(cfg.Warnings) > 0 {
		t.Fatalf("the template does not load cleanly: %v %v", err, cfg.Warnings)
	}
	if err := Init(path); !errors.Is(err, ErrConfigExists) {
		t.Errorf("second init: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("left temporary files: %v", entries)
	}
}

// TestTemplateExamplesAreValid uncomments every example setting of the
// template: the result must be a valid config.
func TestTemplateExamplesAreValid(t *testing.T) {
	var lines []string
	for l := range strings.SplitSeq(Template, "\n") {
		if rest, ok := strings.CutPrefix(l, "# "); ok {
			lines = append(lines, rest)
		}
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	write(t, path, strings.Join(lines, "\n"))
	getenv := env(map[string]string{"BRAZE_US_KEY": "k-us", "HOME": t.TempDir()})
	base, err := ResolveBase(Input{Getenv: getenv, ConfigFlag: path}, noConfigDir)
	if err != nil {
		t.Fatalf("uncommented template: %v\n%s", err, strings.Join(lines, "\n"))
	}
	if len(base.Workspaces) != 2 || len(base.Rules) != 1 || len(base.Watchlists) != 1 {
		t.Errorf("uncommented template: %d workspaces, %d rules, %d watchlists", len(base.Workspaces), len(base.Rules), len(base.Watchlists))
	}
}

func TestInitRefusesLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	path := filepath.Join(dir, "config.yaml")
	if err := os.Symlink(target, path); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := Init(path); !errors.Is(err, ErrConfigExists) {
		t.Errorf("init through a dangling link: %v", err)
	}
	if _, err := os.Lstat(target); err == nil {
		t.Error("init wrote through the link")
	}
}

func TestCreateExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	exists := func() error { return ErrConfigExists }
	if err := createExclusive(path, exists); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != Template {
		t.Error("not the template")
	}
	if err := createExclusive(path, exists); !errors.Is(err, ErrConfigExists) {
		t.Errorf("second write: %v", err)
	}
}
