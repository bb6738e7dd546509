//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

func TestSaveKeepsAHardLink(t *testing.T) {
	dir := t.TempDir()
	path, other := filepath.Join(dir, "config.yaml"), filepath.Join(dir, "shared.yaml")
	os.WriteFile(path, []byte("endpoint: US-01\n"), 0o600)
	if err := os.Link(path, other); err != nil {
		t.Fatal(err)
	}
	if err := NewWatchlistSaver(path, "", nil).Save("vip", []client.Segment{{ID: "v1"}}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(other)
	if !strings.Contains(string(b), "vip:") || !strings.Contains(string(b), "endpoint: US-01") {
		t.Fatalf("the other link does not see the save:\n%s", b)
	}
}
