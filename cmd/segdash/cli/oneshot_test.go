package cli

import (
	"strings"
	"testing"
	"time"
)

func TestTimeoutFlag(t *testing.T) {
	for in, want := range map[string]time.Duration{"10": 10 * time.Second, "0.5": 500 * time.Millisecond, "1m30s": 90 * time.Second, "0": 0} {
		var f Timeout
		if err := f.Set(in); err != nil || time.Duration(f) != want {
			t.Errorf("%q: %v %v, want %v", in, time.Duration(f), err, want)
		}
	}
	for _, in := range []string{"-1", "soon", "", "5x"} {
		var f Timeout
		if err := f.Set(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestAsksNagios(t *testing.T) {
	for args, want := range map[string]bool{"check --format nagios x": true, "scan --format=nagios": true,
		"check --format json": false, "serve --format nagios": false} {
		if got := AsksNagios(strings.Fields(args)); got != want {
			t.Errorf("%q: %v", args, got)
		}
	}
}
