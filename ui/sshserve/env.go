package sshserve

import "strings"

// SessionEnv is the environment of a command run over SSH: the variables
// that decide colour (NO_COLOR, CLICOLOR, TERM, ...) are the session's own,
// as its client sent them, and never the server's or its --color; every
// other is the server's (a session cannot set BRAZE_API_KEY or the config
// file).
func SessionEnv(server func(string) string, session []string) func(string) string {
	own := map[string]string{}
	for _, kv := range session {
		if k, v, ok := strings.Cut(kv, "="); ok && colorVariable(k) {
			own[k] = v
		}
	}
	return func(k string) string {
		if colorVariable(k) {
			return own[k]
		}
		return server(k)
	}
}

// colorVariable says whether the variable k decides colour
// (output.ColorProfile, the --color choice).
func colorVariable(k string) bool {
	switch k {
	case "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "COLORTERM", "TMUX", "TERM_PROGRAM", "GOOGLE_CLOUD_SHELL":
		return true
	}
	return false
}
