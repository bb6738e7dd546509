package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
)

func day(s string) client.Date {
	d, err := client.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestSaveSilence adds silences to a commented file through a symlink,
// replaces one of the same target, and reads them back.
func TestSaveSilence(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "config.yaml")
	body := "# my settings\ntheme: mono # dark room\nworkspaces:\n  eu:\n    endpoint: EU-01\n    api_key_env: EU_KEY\n"
	if err := os.WriteFile(real, []byte(body), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	adds := []monitor.Silence{
		{Segment: "Spike club", Until: day("2026-12-31"), Reason: "import: moved # to Tuesday"},
		{Workspace: "eu", Until: day("2027-01-02"), Reason: "migration"},
		{Segment: "SPIKE CLUB", Until: day("2027-02-01"), Reason: "longer"},
	}
	for i, s := range adds {
		replaced, err := SaveSilence(link, s)
		if err != nil || replaced != (i == 2) {
			t.Fatalf("save %d: %v %v", i, replaced, err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	b, _ := os.ReadFile(real)
	text := string(b)
	if !strings.Contains(text, "# my settings") || !strings.Contains(text, "# dark room") {
		t.Errorf("comments lost:\n%s", text)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 kept", fi.Mode().Perm())
	}
	cfg, err := ResolveBase(Input{Getenv: env(nil), ConfigFlag: link}, noConfigDir)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if len(cfg.Silences) != 2 {
		t.Fatalf("silences %+v\n%s", cfg.Silences, text)
	}
	if s := cfg.Silences[0]; s.Segment != "SPIKE CLUB" || s.Until != day("2027-02-01") || s.Reason != "longer" {
		t.Errorf("replaced silence %+v", s)
	}
	if s := cfg.Silences[1]; s.Workspace != "eu" || s.Reason != "migration" {
		t.Errorf("workspace silence %+v", s)
	}
}

func TestSaveSilenceRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	ok := monitor.Silence{Tag: "x", Until: day("2030-01-01"), Reason: "r"}
	if _, err := SaveSilence(path, monitor.Silence{Tag: "x", Until: day("2030-01-01")}); err == nil || !strings.Contains(err.Error(), "reason") {
		t.Errorf("no reason: %v", err)
	}
	if _, err := SaveSilence(path, monitor.Silence{Workspace: "eu", Until: day("2030-01-01"), Reason: "r"}); err == nil || !strings.Contains(err.Error(), `no workspace "eu" in the file`) {
		t.Errorf("unknown workspace: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a refused silence wrote the file")
	}
	// A missing file is created, private.
	if _, err := SaveSilence(path, ok); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("new file: %v %v", fi, err)
	}
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if _, err := SaveSilence(path, monitor.Silence{Tag: "y", Until: day("2030-01-01"), Reason: "r"}); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("read-only file: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a read-only file was rewritten")
	}
}
