package cli

import "testing"

func TestColorChoice(t *testing.T) {
	tests := []struct {
		mode        ColorMode
		env         map[string]string
		off, forced bool
	}{
		{ColorAuto, nil, false, false},
		{ColorAuto, map[string]string{"NO_COLOR": "1"}, true, false},
		{ColorAuto, map[string]string{"NO_COLOR": "0"}, true, false}, // any non-empty value
		{ColorAuto, map[string]string{"CLICOLOR": "0"}, true, false},
		{ColorAuto, map[string]string{"CLICOLOR": "1"}, false, false},
		{ColorAuto, map[string]string{"CLICOLOR_FORCE": "yes"}, false, true},
		{ColorAuto, map[string]string{"CLICOLOR_FORCE": "0"}, false, false},
		{ColorAuto, map[string]string{"CLICOLOR_FORCE": "1", "CLICOLOR": "0"}, false, true},
		{ColorAuto, map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, true, false},
		{ColorNever, map[string]string{"CLICOLOR_FORCE": "1"}, true, false},
		{ColorAlways, map[string]string{"NO_COLOR": "1", "CLICOLOR": "0"}, false, true},
	}
	for _, tt := range tests {
		off, forced := ColorChoice(tt.mode, func(k string) string { return tt.env[k] })
		if off != tt.off || forced != tt.forced {
			t.Errorf("%s %v: off %v forced %v, want %v %v", tt.mode, tt.env, off, forced, tt.off, tt.forced)
		}
	}
}

func TestColorEnvSpellsTheChoice(t *testing.T) {
	mode := ColorAuto
	base := map[string]string{"CLICOLOR_FORCE": "yes", "TERM": "xterm"}
	getenv := ColorEnv(&mode, func(k string) string { return base[k] })
	if getenv("CLICOLOR_FORCE") != "1" || getenv("NO_COLOR") != "" || getenv("TERM") != "xterm" {
		t.Errorf("forced: %q %q", getenv("CLICOLOR_FORCE"), getenv("NO_COLOR"))
	}
	mode = ColorNever
	if getenv("NO_COLOR") != "1" || getenv("CLICOLOR_FORCE") != "" || getenv("CLICOLOR") != "0" {
		t.Errorf("never: %q %q %q", getenv("NO_COLOR"), getenv("CLICOLOR_FORCE"), getenv("CLICOLOR"))
	}
}
