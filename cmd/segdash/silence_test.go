package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// silenceNow is the clock of the silence tests: 2026-12-06, 23:30 UTC.
func silenceNow() time.Time { return time.Date(2026, 12, 6, 23, 30, 0, 0, time.UTC) }

func TestSilenceAddList(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	body := "# team settings\nworkspaces:\n  eu:\n    endpoint: EU-01\n    api_key_env: EU_KEY\n" +
		"    silences:\n      - tag: gdpr\n        until: 2026-12-01\n        reason: purge done\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string, string) {
		return runSegdashAt(t, silenceNow, nil, append([]string{"--config", path}, args...)...)
	}
	code, out, errs := run("silence", "add", "--segment", "Spike club", "--for", "7d", "--reason", "import moved to Tuesday")
	if code != 0 || out != "added in "+path+`: segment "Spike club", silenced until 2026-12-13: import moved to Tuesday`+"\n" {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	if code, out, errs = run("silence", "add", "-w", "eu", "--until", "2026-12-06", "--reason", "migration"); code != 0 || !strings.HasPrefix(out, "added") {
		t.Fatalf("add workspace: %d %q %q", code, out, errs)
	}
	if code, out, errs = run("silence", "add", "--segment", "spike CLUB", "--until", "2027-01-31", "--reason", "longer"); code != 0 || !strings.HasPrefix(out, "replaced") {
		t.Fatalf("replace: %d %q %q", code, out, errs)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "# team settings") || !strings.Contains(string(b), "until: 2027-01-31\n") {
		t.Errorf("file:\n%s", b)
	}
	code, out, errs = run("silence", "list")
	want := []string{
		"STATE    SILENCES              UNTIL       HOLDS IN         REASON",
		`active   segment "spike CLUB"  2027-01-31  every workspace  longer`,
		"active   workspace eu          2026-12-06  every workspace  migration",
		`expired  tag "gdpr"            2026-12-01  workspace eu     purge done`,
		"",
		"2 active, 1 expired (today is 2026-12-06, UTC)",
	}
	if code != 0 || out != strings.Join(want, "\n")+"\n" {
		t.Errorf("list: %d %q\n%s\nwant\n%s", code, errs, out, strings.Join(want, "\n"))
	}
}

func TestSilenceAddRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	const body = "theme: mono\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--tag", "x", "--until", "2026-12-05", "--reason", "r"}, "--until 2026-12-05 is in the past (today is 2026-12-06, UTC)"},
		{[]string{"--tag", "x", "--for", "7d"}, "--reason: say why"},
		{[]string{"--tag", "x", "--for", "7d", "--reason", "  "}, "--reason: say why"},
		{[]string{"--tag", "x", "--segment", "y", "--for", "7d", "--reason", "r"}, "give exactly one of --segment, --tag or --workspace"},
		{[]string{"--for", "7d", "--reason", "r"}, "give exactly one of --segment, --tag or --workspace"},
		{[]string{"--tag", "x", "--reason", "r"}, "say until when"},
		{[]string{"--tag", "x", "--for", "7d", "--until", "2027-01-01", "--reason", "r"}, "--until and --for exclude each other"},
		{[]string{"--tag", "x", "--for", "soon", "--reason", "r"}, `--for "soon": want a number of days or weeks`},
		{[]string{"--tag", "x", "--for", "0d", "--reason", "r"}, `--for "0d": want a number of days or weeks from 1d to 366d`},
		{[]string{"--tag", "x", "--until", "31/12/2026", "--reason", "r"}, `--until "31/12/2026": want the last day silenced as YYYY-MM-DD`},
		{[]string{"-w", "eu", "--for", "1w", "--reason", "r"}, `no workspace "eu" in the file: the silence was not saved`},
	}
	for _, c := range cases {
		code, out, errs := runSegdashAt(t, silenceNow, nil, append([]string{"--config", path, "silence", "add"}, c.args...)...)
		if code != cli.ExitError || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%q: %d %q %q, want …%s", c.args, code, out, errs, c.want)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != body {
		t.Errorf("a refused silence wrote the config file:\n%s", b)
	}
	// A broken config file is reported, not rewritten.
	if err := os.WriteFile(path, []byte("silences: 5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runSegdashAt(t, silenceNow, nil, "--config", path, "silence", "add", "--tag", "x", "--for", "1d", "--reason", "r")
	if b, _ := os.ReadFile(path); code != cli.ExitError || !strings.Contains(errs, ":1: silences: want a list") || string(b) != "silences: 5\n" {
		t.Errorf("broken file: %d %q %q", code, errs, b)
	}
	if code, out, _ := runSegdashAt(t, silenceNow, nil, "--config", filepath.Join(t.TempDir(), "none.yaml"), "silence", "list"); code != cli.ExitError {
		t.Errorf("list of a missing --config: %d %q", code, out)
	}
}

func TestSilenceSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	body := "silences:\n  - tag: a\n    until: 2026-12-06\n    reason: r\n  - tag: b\n    until: 2026-12-05\n    reason: r\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.ResolveBase(config.Input{Getenv: func(string) string { return "" }, ConfigFlag: path}, os.UserConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	today := client.DateOf(silenceNow())
	if got := monitor.SilenceSummary(cfg.Silences, today); got != "1 active, 1 expired" {
		t.Errorf("summary %q", got)
	}
	if got := monitor.SilenceSummary(cfg.Silences, today.AddDays(-1)); got != "2 active" {
		t.Errorf("summary a day earlier %q", got)
	}
	if got := monitor.SilenceSummary(nil, today); got != "none" {
		t.Errorf("summary of none %q", got)
	}
}
