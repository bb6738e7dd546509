package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestVersionOfBuiltBinary builds segdash with a stamped version and runs
// it: `version` and `--version` print the same facts.
func TestVersionOfBuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := filepath.Join(t.TempDir(), "segdash")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-o", bin, "-ldflags", "-X main.releaseVersion=v9.8.7-test", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(arg string) string {
		out, err := exec.Command(bin, arg).CombinedOutput()
		if err != nil {
			t.Fatalf("segdash %s: %v\n%s", arg, err, out)
		}
		return string(out)
	}
	v, flag := run("version"), run("--version")
	if v != flag {
		t.Errorf("version and --version differ:\n%s\n---\n%s", v, flag)
	}
	for _, want := range []string{"segdash v9.8.7-test\n", "go:       go", "platform: " + runtime.GOOS + "/" + runtime.GOARCH + "\n"} {
		if !strings.Contains(v, want) {
			t.Errorf("version output lacks %q:\n%s", want, v)
		}
	}
}
