package main

import (
	"fmt"
	"strings"
)

// colorMode is --color: auto (the environment and the terminal decide),
// always or never.
type colorMode string

// The values of --color.
const (
	colorAuto   colorMode = "auto"
	colorAlways colorMode = "always"
	colorNever  colorMode = "never"
)

// colorModes are the values --color takes, for errors and completion.
func colorModes() []string {
	return []string{string(colorAuto), string(colorAlways), string(colorNever)}
}

// String is the mode's name.
func (m *colorMode) String() string { return string(*m) }

// Set parses a --color value.
func (m *colorMode) Set(s string) error {
	switch v := colorMode(strings.ToLower(s)); v {
	case colorAuto, colorAlways, colorNever:
		*m = v
		return nil
	}
	return fmt.Errorf("want one of %s", strings.Join(colorModes(), ", "))
}

// Type names the value in help.
func (m *colorMode) Type() string { return "when" }

// colorChoice decides, before any terminal is looked at, whether output
// must have no colour (off) or colour even into a pipe (forced); neither
// leaves it to whether the output is a terminal. The rules are gh's:
// --color always or never wins; then NO_COLOR (any non-empty value) turns
// colour off (where gh lets CLICOLOR_FORCE win, segdash keeps NO_COLOR's
// promise); then CLICOLOR_FORCE (non-empty, not "0") forces it; then
// CLICOLOR=0 turns it off.
func colorChoice(mode colorMode, getenv func(string) string) (off, forced bool) {
	switch mode {
	case colorNever:
		return true, false
	case colorAlways:
		return false, true
	}
	if getenv("NO_COLOR") != "" {
		return true, false
	}
	if f := getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
		return false, true
	}
	return getenv("CLICOLOR") == "0", false
}

// colorEnv is getenv with NO_COLOR, CLICOLOR_FORCE and CLICOLOR rewritten
// to colorChoice's decision under *mode, in the spelling every reader of
// them understands (NO_COLOR=1, CLICOLOR_FORCE=1): the dashboard and the
// text output (output.ColorProfile, which then asks whether the output is
// a terminal) then follow one rule. mode is read at each call: flags are
// parsed after the command tree is built.
func colorEnv(mode *colorMode, getenv func(string) string) func(string) string {
	return func(k string) string {
		if k != "NO_COLOR" && k != "CLICOLOR_FORCE" && k != "CLICOLOR" {
			return getenv(k)
		}
		off, forced := colorChoice(*mode, getenv)
		switch {
		case k == "NO_COLOR" && off, k == "CLICOLOR_FORCE" && forced:
			return "1"
		case k == "CLICOLOR" && off:
			return "0"
		case k == "CLICOLOR" && getenv(k) != "0":
			return getenv(k) // CLICOLOR=1 lets a terminal without TERM have colour
		}
		return ""
	}
}
