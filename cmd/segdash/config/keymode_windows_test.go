package config

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNoKeyModeWarningOnWindows: every file reads as mode 0666 here.
func TestNoKeyModeWarningOnWindows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, []byte("k\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, warning, err := ReadKeyFile(path, "test"); err != nil || warning != "" {
		t.Errorf("%v %q", err, warning)
	}
}
