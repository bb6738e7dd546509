package sshserve

import "testing"

func TestSessionEnvTakesColourFromTheSessionOnly(t *testing.T) {
	server := map[string]string{"CLICOLOR_FORCE": "1", "TERM": "xterm", "HOME": "/srv"}
	env := SessionEnv(func(k string) string { return server[k] }, []string{"NO_COLOR=1", "HOME=/attacker", "BRAZE_API_KEY=x", "junk"})
	for k, want := range map[string]string{"CLICOLOR_FORCE": "", "TERM": "", "NO_COLOR": "1", "HOME": "/srv", "BRAZE_API_KEY": ""} {
		if got := env(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
}
