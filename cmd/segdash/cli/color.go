package cli

import (
	"fmt"
	"strings"
)

// ColorMode is --color: auto (the environment and the terminal decide),
// always or never.
type ColorMode string

// The values of --color.
const (
	ColorAuto   ColorMode = "auto"
	ColorAlways ColorMode = "always"
	ColorNever  ColorMode = "never"
)

// ColorModes are the values --color takes, for errors and completion.
func ColorModes() []string {
	return []string{string(ColorAuto), string(ColorAlways), string(ColorNever)}
}

// String is the mode's name.
func (m *ColorMode) String() string { return string(*m) }

// Set parses a --color value.
func (m *ColorMode) Set(s string) error {
	switch v := ColorMode(strings.ToLower(s)); v {
	case ColorAuto, ColorAlways, ColorNever:
		*m = v
		return nil
	}
	return fmt.Errorf("want one of %s", strings.Join(ColorModes(), ", "))
}

// Type names the value in help.
func (m *ColorMode) Type() string { return "when" }

// ColorChoice decides, before any terminal is looked at, whether output
// must have no colour (off) or colour even into a pipe (forced); neither
// leaves it to whether the output is a terminal. The rules are gh's:
// --color always or never wins; then NO_COLOR (any non-empty value) turns
// colour off (where gh lets CLICOLOR_FORCE win, segdash keeps NO_COLOR's
// promise); then CLICOLOR_FORCE (non-empty, not "0") forces it; then
// CLICOLOR=0 turns it off.
func ColorChoice(mode ColorMode, getenv func(string) string) (off, forced bool) {
	switch mode {
	case ColorNever:
		return true, false
	case ColorAlways:
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

// ColorEnv is getenv with NO_COLOR, CLICOLOR_FORCE and CLICOLOR rewritten
// to ColorChoice's decision under *mode, in the spelling every reader of
// them understands (NO_COLOR=1, CLICOLOR_FORCE=1): the dashboard and the
// text output (output.ColorProfile, which then asks whether the output is
// a terminal) then follow one rule. mode is read at each call: flags are
// parsed after the command tree is built.
func ColorEnv(mode *ColorMode, getenv func(string) string) func(string) string {
	return func(k string) string {
		if k != "NO_COLOR" && k != "CLICOLOR_FORCE" && k != "CLICOLOR" {
			return getenv(k)
		}
		off, forced := ColorChoice(*mode, getenv)
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
