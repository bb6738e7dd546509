package main

import (
	"fmt"
	"os"
	"testing"
)

// TestMain keeps what commands save between runs (os.UserCacheDir) in a
// folder of the test run's own, never the machine user's cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "segdash-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
