package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/cli"
)

// useConfigFile writes a config file for the test and points env at it.
func useConfigFile(t *testing.T, env map[string]string, text string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	env["SEGDASH_CONFIG"] = path
}

func TestCheckRules(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	segs := tracked(h, 3)
	a, b, c := segs[0], segs[1], segs[2]
	useConfigFile(t, env, "watchlists:\n  team: ["+b.ID+"]\nrules:\n"+
		"  - name: floor\n    segments: ["+a.ID+"]\n    below: 999_999_999_999\n"+
		"  - name: team ceiling\n    watchlist: team\n    above: 1\n"+
		"  - name: never\n    all: true\n    above: 999_999_999_999\n")

	// c matches only "never", which does not fire: no breach.
	if code, _, errs := runSegdash(t, env, "check", "--rules", "--format", "spark", c.ID); code != 0 || strings.Contains(errs, "BREACH") {
		t.Errorf("no rule fires: exit %d %q", code, errs)
	}
	// Without --rules the rules are not evaluated.
	if code, _, errs := runSegdash(t, env, "check", "--format", "spark", a.ID); code != 0 {
		t.Errorf("without --rules: exit %d %q", code, errs)
	}
	code, _, errs := runSegdash(t, env, "check", "--rules", "--format", "spark", a.ID, b.ID, c.ID)
	// Reasons group their numbers like every other size segdash prints.
	if code != cli.ExitBreach || !strings.Contains(errs, "segdash: BREACH") || !strings.Contains(errs, "is below 999,999,999,999") ||
		!strings.Contains(errs, "rule floor: size") ||
		!strings.Contains(errs, "rule team ceiling: size") || strings.Contains(errs, "rule never") {
		t.Errorf("rules fire: exit %d %q", code, errs)
	}
	// The watchlist rule fires for b only (through the watchlist).
	for _, l := range strings.Split(errs, "\n") {
		if strings.Contains(l, "team ceiling") && !strings.Contains(l, b.ID) {
			t.Errorf("watchlist rule fired for another segment: %q", l)
		}
	}
	code, out, _ := runSegdash(t, env, "check", "--rules", "--format", "json", a.ID)
	if code != cli.ExitBreach || !strings.Contains(out, `"rule floor: size`) || !strings.Contains(out, `is below 999,999,999,999"`) {
		t.Errorf("json: exit %d\n%s", code, out)
	}
	code, out, _ = runSegdash(t, env, "check", "--rules", "--format", "nagios", a.ID)
	if code != cli.ExitBreach || !strings.HasPrefix(out, "SEGDASH WARNING - 0 critical, 1 warning: "+a.Name+": floor | ") ||
		!strings.Contains(out, "\nWARNING "+a.Name+": rule floor: size") || !strings.Contains(out, "is below 999,999,999,999\n") {
		t.Errorf("nagios: exit %d\n%s", code, out)
	}
	// A segment that cannot be checked still wins: exit 2.
	code, _, errs = runSegdash(t, env, "check", "--rules", "--format", "spark", a.ID, "No Such Segment")
	if code != cli.ExitError || !strings.Contains(errs, "rule floor") || !strings.Contains(errs, "could not be checked") {
		t.Errorf("breach and an unknown segment: exit %d %q", code, errs)
	}
}

func TestCheckRulesTrackingOff(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	var off *brazetest.SegmentSpec
	for _, s := range h.Workspace().Segments {
		if !s.Tracked && !s.Archived && !strings.ContainsAny(s.Name, "\x1b") {
			off = s
			break
		}
	}
	useConfigFile(t, env, "rules:\n  - name: tracking\n    all: true\n    tracking_off: true\n")
	code, _, errs := runSegdash(t, env, "check", "--rules", "--format", "spark", off.Name)
	if code != cli.ExitBreach || !strings.Contains(errs, "rule tracking: analytics tracking is off") || strings.Contains(errs, "cannot check") {
		t.Errorf("tracking_off rule: exit %d %q", code, errs)
	}
}

func TestCheckRulesWithoutRules(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	useConfigFile(t, env, "length: 7\n")
	code, _, errs := runSegdash(t, env, "check", "--rules", tracked(h, 1)[0].ID)
	if code != cli.ExitError || !strings.Contains(errs, "--rules") || !strings.Contains(errs, "has no rules") {
		t.Errorf("no rules: exit %d %q", code, errs)
	}
	if h.Requests("data_series") != 0 {
		t.Errorf("a usage error sent %d series requests", h.Requests("data_series"))
	}
}

// TestNagiosAlwaysPrintsAStatusLine: a monitoring system reads stdout, so
// --format nagios prints a status line that agrees with the exit code,
// whatever went wrong: UNKNOWN (3) for what could not be checked.
func TestNagiosAlwaysPrintsAStatusLine(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	// By name: the listing says whether tracking is on (details do not).
	var untracked string
	names := map[string]int{}
	for _, s := range h.Workspace().Listed() {
		names[strings.ToLower(s.Name)]++
	}
	for _, s := range h.Workspace().Listed() {
		if !s.Tracked && names[strings.ToLower(s.Name)] == 1 {
			untracked = s.Name
			break
		}
	}
	good := tracked(h, 1)[0].ID
	cases := []struct {
		args   []string
		code   int
		prefix string
	}{
		{[]string{"check", "--format", "nagios", untracked}, cli.ExitUnknown, "SEGDASH UNKNOWN - 1 of 1 segments could not be checked: "},
		{[]string{"check", "--format", "nagios", good, "No Such Segment"}, cli.ExitUnknown, "SEGDASH UNKNOWN - "},
		{[]string{"check", "--format", "nagios", good}, cli.ExitOK, "SEGDASH OK - 1 segment within thresholds"},
		{[]string{"check", "--format", "nagios", "--length", "0", good}, cli.ExitUnknown, "SEGDASH UNKNOWN - --length"},
		{[]string{"scan", "--format", "nagios", "--watch", "nope"}, cli.ExitUnknown, "SEGDASH UNKNOWN - --watch: no watchlist"},
		{[]string{"scan", "--format", "nagios", "--tag", "no-such-tag"}, cli.ExitUnknown, "SEGDASH UNKNOWN - no segment has the tag"},
	}
	for _, c := range cases {
		code, out, errs := runSegdash(t, env, c.args...)
		if code != c.code || !strings.HasPrefix(out, c.prefix) {
			t.Errorf("%v: exit %d, stdout %q (stderr %q)", c.args, code, out, errs)
		}
	}
}
