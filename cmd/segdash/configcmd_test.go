package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/cmd/segdash/cli"
)

func TestConfigPathInitThenLoad(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"HOME": home, "XDG_CONFIG_HOME": ""}
	want := filepath.Join(home, ".config", "segdash", "config.yaml")
	code, out, errs := runSegdash(t, env, "config", "path")
	if code != 0 || out != want+"\n" || !strings.Contains(errs, "config init") {
		t.Fatalf("config path: %d %q %q", code, out, errs)
	}
	if code, out, errs = runSegdash(t, env, "config", "init"); code != 0 || out != "wrote "+want+"\n" {
		t.Fatalf("config init: %d %q %q", code, out, errs)
	}
	if fi, err := os.Stat(want); err != nil || fi.Size() == 0 {
		t.Fatalf("no file written: %v", err)
	}
	if code, out, errs = runSegdash(t, env, "config"); code != 0 || !strings.Contains(out, "config file: "+want+"\n") || errs != "" {
		t.Errorf("config after init: %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs = runSegdash(t, env, "config", "init"); code != cli.ExitError || !strings.Contains(errs, "already exists") {
		t.Errorf("second init: %d %q", code, errs)
	}
	if code, out, errs = runSegdash(t, env, "config", "path"); code != 0 || out != want+"\n" || errs != "" {
		t.Errorf("config path once it exists: %d %q %q", code, out, errs)
	}
}

func TestConfigInitAtFlagPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "mine.yaml")
	if code, out, errs := runSegdash(t, nil, "--config", path, "config", "init"); code != 0 || !strings.Contains(out, path) {
		t.Fatalf("init --config: %d %q %q", code, out, errs)
	}
	if code, out, _ := runSegdash(t, nil, "config", "path", "--config", path); code != 0 || out != path+"\n" {
		t.Errorf("path --config: %d %q", code, out)
	}
}
