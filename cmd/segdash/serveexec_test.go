package main

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// runWithEnv runs command over SSH with the variables env sent first.
func (e *sshEnv) runWithEnv(t *testing.T, env map[string]string, command string) (string, int) {
	t.Helper()
	c := e.dial(t, e.allowed)
	defer c.Close()
	return sshtest.RunWithEnv(t, c, env, command)
}

// TestServeCheckColourIsTheSessions: a check over SSH colours its output
// by the session's own environment and --color.
func TestServeCheckColourIsTheSessions(t *testing.T) {
	e := startServe(t, nil)
	id := tracked(e.api, 1)[0].ID
	for _, tc := range []struct {
		env    map[string]string
		flags  string
		colour bool
	}{
		{nil, "", false},
		{map[string]string{"CLICOLOR_FORCE": "1", "TERM": "xterm-256color"}, "", true},
		{map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1", "TERM": "xterm-256color"}, "", false},
		{map[string]string{"CLICOLOR_FORCE": "1", "TERM": "xterm-256color"}, "--color never ", false},
		{map[string]string{"TERM": "xterm-256color"}, "--color always ", true},
	} {
		out, code := e.runWithEnv(t, tc.env, "check --format chart "+tc.flags+id)
		if code != 0 {
			t.Fatalf("%v %s: exit %d\n%s", tc.env, tc.flags, code, out)
		}
		if got := strings.Contains(out, "\x1b["); got != tc.colour {
			t.Errorf("session env %v, %q: colour %v, want %v", tc.env, tc.flags, got, tc.colour)
		}
	}
}

// TestServeCheckHelpFitsAndSpeaksSSH: `check --help` over SSH, which has
// no terminal, is wrapped to 80 columns, flags included, and its examples
// are what an SSH user types.
func TestServeCheckHelpFitsAndSpeaksSSH(t *testing.T) {
	e := startServe(t, nil)
	out, code := e.runWithEnv(t, nil, "check --help")
	if code != 0 || !strings.Contains(out, "--max-drop") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for l := range strings.SplitSeq(out, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("a line of %d columns: %q", len([]rune(l)), l)
		}
	}
	_, examples, _ := strings.Cut(out, "Examples:\n")
	examples, _, _ = strings.Cut(examples, "\n\n")
	for l := range strings.SplitSeq(examples, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "ssh -p PORT HOST ") {
			t.Errorf("an example an SSH user does not type: %q", l)
		}
	}
}
