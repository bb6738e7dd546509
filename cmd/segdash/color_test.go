package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/cli"
)

// TestColorFlagAndEnvironmentOnCheck runs check into a pipe: colour only
// when forced, by --color always or CLICOLOR_FORCE, and never when told no.
func TestColorFlagAndEnvironmentOnCheck(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want bool
	}{
		{"a pipe", map[string]string{"TERM": "xterm-256color"}, nil, false},
		{"--color always", map[string]string{"TERM": "xterm-256color"}, []string{"--color", "always"}, true},
		{"CLICOLOR_FORCE", map[string]string{"TERM": "xterm-256color", "CLICOLOR_FORCE": "1"}, nil, true},
		{"--color never beats CLICOLOR_FORCE", map[string]string{"TERM": "xterm-256color", "CLICOLOR_FORCE": "1"}, []string{"--color=never"}, false},
		{"NO_COLOR beats CLICOLOR_FORCE", map[string]string{"TERM": "xterm-256color", "CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, nil, false},
		{"--color always beats NO_COLOR", map[string]string{"TERM": "xterm-256color", "NO_COLOR": "1"}, []string{"--color", "always"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"check", "--format", "spark"}, tt.args...)
			code, out, errs := runSegdash(t, tt.env, append(args, "VIP")...)
			if code != 0 {
				t.Fatalf("check: %d %s", code, errs)
			}
			if got := strings.Contains(out, "\x1b["); got != tt.want {
				t.Errorf("colour %v, want %v:\n%q", got, tt.want, out)
			}
		})
	}
}

// TestColorFlagReachesTheDashboard: the dashboard goes monochrome on
// NO_COLOR as a.getenv tells it, which follows --color.
func TestColorFlagReachesTheDashboard(t *testing.T) {
	a := &app{getenv: func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] }}
	root := a.newRootCmd()
	if err := root.ParseFlags([]string{"--color", "always"}); err != nil {
		t.Fatal(err)
	}
	if a.getenv("NO_COLOR") != "" {
		t.Error("--color always: the dashboard still sees NO_COLOR")
	}
	a.newRootCmd() // a new run starts from auto
	if a.getenv("NO_COLOR") != "1" {
		t.Error("a second command tree kept the first one's --color")
	}
}

func TestColorFlagEverywhere(t *testing.T) {
	code, _, errs := runSegdash(t, nil, "config", "path", "--color", "sometimes")
	if code != cli.ExitError || !strings.Contains(errs, "want one of auto, always, never") {
		t.Errorf("bad --color: %d %q", code, errs)
	}
	a := &app{getenv: func(string) string { return "" }}
	cli.Walk(a.newRootCmd(), func(c *cobra.Command) {
		if c.Flag("color") == nil {
			t.Errorf("%s has no --color", c.CommandPath())
		}
	})
}

func TestHelpWrapsAndHasExamples(t *testing.T) {
	var out strings.Builder
	a := &app{out: &out, errw: &out, getenv: func(string) string { return "" }}
	root := a.newRootCmd()
	cli.Walk(root, func(c *cobra.Command) {
		if !c.Hidden && c.Example == "" {
			t.Errorf("%s has no example", c.CommandPath())
		}
	})
	var all [][]string
	cli.Walk(root, func(c *cobra.Command) {
		all = append(all, append(strings.Fields(c.CommandPath())[1:], "--help"))
	})
	for _, args := range all {
		out.Reset()
		if code := a.run(t.Context(), args); code != 0 {
			t.Fatalf("%v: %d", args, code)
		}
		for l := range strings.SplitSeq(out.String(), "\n") {
			if len([]rune(l)) > 80 {
				t.Errorf("%v: a line of %d columns: %q", args, len([]rune(l)), l)
			}
		}
	}
}
