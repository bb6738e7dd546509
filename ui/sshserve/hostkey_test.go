package sshserve

import (
	"os"
	"path/filepath"
	"testing"
)

// TestHostKeyPathKeepsAnExistingKey: the host key goes in the first config
// folder, unless one of the others holds one already (where an older
// segdash generated it): that one is kept.
func TestHostKeyPathKeepsAnExistingKey(t *testing.T) {
	root := t.TempDir()
	xdg, library := filepath.Join(root, "xdg", "segdash"), filepath.Join(root, "Library", "segdash")
	dirs := []string{xdg, library}
	p, err := HostKeyPath("", dirs)
	if err != nil || p != filepath.Join(xdg, HostKeyFile) {
		t.Fatalf("no key anywhere: %q, %v; want it in %s", p, err, xdg)
	}
	if st, err := os.Stat(xdg); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("the folder was not made with mode 0700: %v", err)
	}
	if err := os.MkdirAll(library, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(library, HostKeyFile), []byte("key"), 0o600); err != nil {
		t.Fatal(err)
	}
	if p, _ := HostKeyPath("", dirs); p != filepath.Join(library, HostKeyFile) {
		t.Errorf("an existing key in %s: got %q", library, p)
	}
	if p, _ := HostKeyPath(filepath.Join(root, "given"), dirs); p != filepath.Join(root, "given") {
		t.Errorf("--host-key not kept: %q", p)
	}
	if _, err := HostKeyPath("", nil); err == nil {
		t.Error("no folder and no --host-key: no error")
	}
}
