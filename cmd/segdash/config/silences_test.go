package config

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

func TestSilences(t *testing.T) {
	cfg, err := resolveText(t, `silences:
  - segment: Spike club
    until: 2026-12-31
    reason: the import moved to Tuesday
  - tag: warehouse
    until: "2020-01-02"
    reason: old news
`)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Silences) != 2 {
		t.Fatalf("silences %+v", cfg.Silences)
	}
	s := cfg.Silences[0]
	if s.Segment != "Spike club" || s.Until.String() != "2026-12-31" || s.Reason != "the import moved to Tuesday" {
		t.Errorf("silence 0 %+v", s)
	}
	if cfg.Silences[1].Tag != "warehouse" {
		t.Errorf("silence 1 %+v", cfg.Silences[1])
	}
	// The expired one is kept, and harmless.
	day := client.Date{Year: 2026, Month: 12, Day: 6}
	if cfg.Silences[1].Covers(client.Segment{Tags: []string{"warehouse"}}, "", day) {
		t.Error("an expired silence still covers")
	}
}

// TestWorkspaceSilences: the top-level silences hold in every workspace,
// an entry's own only in it.
func TestWorkspaceSilences(t *testing.T) {
	path := twoWorkspaces(t, "    silences:\n      - tag: gdpr\n        until: 2030-01-01\n        reason: EU purge\n"+
		"silences:\n  - workspace: us\n    until: 2030-01-01\n    reason: migration\n")
	getenv := env(map[string]string{"EU_KEY": "eu-key"})
	us, err := Resolve(Input{Getenv: getenv, ConfigFlag: path}, noConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(us.Silences) != 1 || us.Silences[0].Workspace != "us" {
		t.Errorf("us: %+v", us.Silences)
	}
	eu, err := us.Select("eu")
	if err != nil {
		t.Fatal(err)
	}
	if len(eu.Silences) != 2 || eu.Silences[0].Workspace != "us" || eu.Silences[1].Tag != "gdpr" {
		t.Errorf("eu: %+v", eu.Silences)
	}
	again, err := eu.Select("us")
	if err != nil || len(again.Silences) != 1 {
		t.Errorf("eu's silences leaked into us: %+v %v", again.Silences, err)
	}
}

func TestSilenceErrors(t *testing.T) {
	const ok = "    until: 2030-01-01\n    reason: r\n"
	cases := map[string]string{
		"silences: 5":        ":1: silences: want a list of silences, each a mapping with one of segment, tag or workspace",
		"silences:\n  - x\n": ":2: silences: each silence is a mapping",
		"silences:\n  - segment: a\n    tag: b\n" + ok:                      ":2: a silence needs exactly one of segment, tag or workspace",
		"silences:\n  - until: 2030-01-01\n    reason: r\n":                 ":2: a silence needs exactly one of segment, tag or workspace",
		"silences:\n  - segment: a\n    reason: r\n":                        ":2: a silence needs until: the last day it holds (YYYY-MM-DD)",
		"silences:\n  - segment: a\n    until: 2030-01-01\n":                ":2: a silence needs a reason",
		"silences:\n  - segment: a\n    until: soon\n    reason: r\n":       `:3: silence: until: want the last day silenced as YYYY-MM-DD, got "soon"`,
		"silences:\n  - segment: a\n    until: 2030-02-30\n    reason: r\n": `:3: silence: until: want the last day silenced as YYYY-MM-DD, got "2030-02-30"`,
		"silences:\n  - segment: a\n    for: 7d\n" + ok:                     `:3: silence: unknown key "for"; valid keys: segment, tag, workspace, until, reason`,
		"silences:\n  - segment: [a, b]\n" + ok:                             ":2: silence: segment: want a single value",
		"silences:\n  - segment: a\n    segment: b\n" + ok:                  ":3: silence: segment is set twice",
		"silences:\n  - workspace: eu\n" + ok:                               `:2: silence: no workspace "eu"; the config file defines no workspaces`,
	}
	for text, want := range cases {
		_, err := resolveText(t, text)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q:\n got %v\nwant …%s", text, err, want)
		}
	}
	path := twoWorkspaces(t, "    silences:\n      - workspace: us\n        until: 2030-01-01\n        reason: r\n")
	_, err := Resolve(Input{Getenv: env(nil), ConfigFlag: path}, noConfigDir)
	if err == nil || !strings.Contains(err.Error(), `:22: workspace "eu": silence: workspace "us": a silence in a workspace's entry holds only in that workspace`) {
		t.Errorf("another workspace silenced from eu's entry: %v", err)
	}
}
