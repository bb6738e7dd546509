package config

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDirsFollowTheConfigFolder: serve's default host key lives in the
// folder the config file does ($XDG_CONFIG_HOME/segdash first).
func TestDirsFollowTheConfigFolder(t *testing.T) {
	xdg := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": xdg, "HOME": t.TempDir()}
	dirs := Dirs(func(k string) string { return env[k] }, os.UserConfigDir)
	if len(dirs) == 0 || dirs[0] != filepath.Join(xdg, "segdash") {
		t.Errorf("config folders %q, want %s first", dirs, filepath.Join(xdg, "segdash"))
	}
}
