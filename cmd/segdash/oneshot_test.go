package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/cli"
)

// runSegdashWith is runSegdash with the app changed by set first (a short
// request bound, silences).
func runSegdashWith(t *testing.T, set func(*app), env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	home := t.TempDir()
	a := &app{in: strings.NewReader(""), out: &out, errw: &errb, now: time.Now,
		getenv: func(k string) string {
			if v, ok := env[k]; ok || k != "XDG_CONFIG_HOME" {
				return v
			}
			return home
		}}
	set(a)
	code := a.run(context.Background(), args)
	return code, out.String(), errb.String()
}

// hang makes the stand-in hold every series request of segs until the
// client gives up.
func hang(h *brazetest.Handler, segs ...*brazetest.SegmentSpec) {
	for _, s := range segs {
		h.SetSegmentFault(s.ID, brazetest.Fault{Latency: time.Hour})
	}
}

func TestTimeoutFlag(t *testing.T) {
	// Parsing the value: cli.TestTimeoutFlag.
	_, env := apiEnv(t, brazetest.Options{})
	code, out, errs := runSegdash(t, env, "check", "--format", "nagios", "--timeout", "soon", "x")
	if code != cli.ExitUnknown || !strings.HasPrefix(out, "SEGDASH UNKNOWN - ") || !strings.Contains(errs, "--timeout") {
		t.Errorf("bad --timeout in nagios: exit %d %q %q", code, out, errs)
	}
	if code, _, _ := runSegdash(t, env, "scan", "--timeout", "-3"); code != cli.ExitError {
		t.Errorf("bad --timeout: exit %d", code)
	}
}

// TestTimeoutStopsCheck: a check that would wait on a hung API stops at
// --timeout, writes what came back, and exits 2 (3 in the nagios format).
func TestTimeoutStopsCheck(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	segs := tracked(h, 2)
	hang(h, segs[1])
	start := time.Now()
	// By name: the listing names them; only the series hang.
	code, out, errs := runSegdash(t, env, "check", "--format", "json", "--timeout", "0.4", segs[0].Name, segs[1].Name)
	if took := time.Since(start); took > 10*time.Second {
		t.Fatalf("took %v", took)
	}
	if code != cli.ExitError || !strings.Contains(out, segs[0].ID) || !strings.Contains(errs, "timed out after 400ms (--timeout): 1 of 2 segments could not be checked") ||
		!strings.Contains(errs, "not checked: timed out after 400ms") {
		t.Errorf("json: exit %d\n%.300s\n%s", code, out, errs)
	}
	code, out, errs = runSegdash(t, env, "check", "--format", "nagios", "--timeout", "0.4", segs[0].Name, segs[1].Name)
	if code != cli.ExitUnknown || !strings.HasPrefix(out, "SEGDASH UNKNOWN - timed out after 400ms (--timeout); 1 of 2 segments could not be checked") {
		t.Errorf("nagios: exit %d\n%s\n%s", code, out, errs)
	}
}

// TestTimeoutStopsScan: the scan stops at --timeout, writes the segments it
// reached marked as partial, and exits 2 (3 in the nagios format).
func TestTimeoutStopsScan(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	hang(h, tracked(h, 3)...)
	code, out, errs := runSegdash(t, env, "scan", "--format", "json", "--timeout", "500ms")
	var doc struct {
		TimedOut bool `json:"timed_out"`
		Partial  bool `json:"partial"`
		Total    int  `json:"total"`
		Scanned  int  `json:"scanned"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if code != cli.ExitError || !doc.TimedOut || !doc.Partial || doc.Scanned >= doc.Total || !strings.Contains(errs, "not scanned in time (--timeout)") {
		t.Errorf("exit %d %+v %q", code, doc, errs)
	}
	code, out, _ = runSegdash(t, env, "scan", "--format", "nagios", "--timeout", "500ms")
	if code != cli.ExitUnknown || !strings.HasPrefix(out, "SEGDASH UNKNOWN - timed out after 500ms (--timeout); ") {
		t.Errorf("nagios: exit %d %q", code, out)
	}
	_, out, _ = runSegdash(t, env, "scan", "--timeout", "500ms")
	if !strings.Contains(out, "timed out: ") {
		t.Errorf("table does not say it timed out:\n%s", out)
	}
}

// TestRequestBound: each request of check and scan is given up when the
// API has not answered it within the bound (30 s; short here), so a hung
// API costs a bounded time per segment even without --timeout.
func TestRequestBound(t *testing.T) {
	if cli.RequestTimeout != 30*time.Second {
		t.Errorf("the documented bound is 30 s per request, not %v", cli.RequestTimeout)
	}
	h, env := apiEnv(t, brazetest.Options{})
	seg := tracked(h, 1)[0]
	hang(h, seg)
	short := func(a *app) { a.requestTimeout = 300 * time.Millisecond }
	start := time.Now()
	code, _, errs := runSegdashWith(t, short, env, "check", seg.ID)
	if took := time.Since(start); code != cli.ExitError || took > 10*time.Second || !strings.Contains(errs, "timed out after 300 ms") {
		t.Errorf("exit %d after %v: %q", code, took, errs)
	}
}

// TestCheckCriticalTiers: --critical-min and --critical-max-drop make a
// critical breach, a CRITICAL Nagios state and exit 2 in that format; the
// warning tier stays WARNING (1); outside nagios a breach is 1 either way.
func TestCheckCriticalTiers(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	seg := tracked(h, 1)[0]
	cases := []struct {
		args []string
		code int
		head string
	}{
		{[]string{"--min", "999999999999"}, 1, "SEGDASH WARNING - 0 critical, 1 warning: "},
		{[]string{"--min", "999999999999", "--critical-min", "999999999998"}, 2, "SEGDASH CRITICAL - 1 critical, 0 warning: "},
		{[]string{"--min", "1"}, 0, "SEGDASH OK - 1 segment within thresholds | '"},
	}
	for _, c := range cases {
		code, out, _ := runSegdash(t, env, append(append([]string{"check", "--format", "nagios"}, c.args...), seg.ID)...)
		if code != c.code || !strings.HasPrefix(out, c.head) || !strings.Contains(out, ";0") {
			t.Errorf("%v: exit %d %q", c.args, code, out)
		}
		if code, _, _ := runSegdash(t, env, append(append([]string{"check", "--format", "json"}, c.args...), seg.ID)...); code != min(c.code, 1) {
			t.Errorf("%v json: exit %d", c.args, code)
		}
	}
	code, out, _ := runSegdash(t, env, "check", "--format", "nagios", "--min", "5", "--critical-min", "10", seg.ID)
	if code != cli.ExitUnknown || !strings.HasPrefix(out, "SEGDASH UNKNOWN - --critical-min 10 is above --min 5") {
		t.Errorf("crossed tiers: exit %d %q", code, out)
	}
	if code, _, _ := runSegdash(t, env, "check", "--max-drop", "50", "--critical-max-drop", "20", seg.ID); code != cli.ExitError {
		t.Errorf("crossed drops: exit %d", code)
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestSmallCommandLineThings: a mistyped command gets a suggestion; the
// workspaces list shows a URL once and fails on a full disk.
func TestSmallCommandLineThings(t *testing.T) {
	if code, _, errs := runSegdash(t, nil, "chek"); code != cli.ExitError || !strings.Contains(errs, "did you mean check?") {
		t.Errorf("chek: exit %d %q", code, errs)
	}
	_, _, env, _ := twoWorkspaceEnv(t)
	code, out, _ := runSegdash(t, env, "workspaces")
	for _, l := range strings.Split(out, "\n") {
		if strings.Count(l, "http") > 1 {
			t.Errorf("a URL twice: %q", l)
		}
	}
	if code != cli.ExitOK {
		t.Errorf("workspaces: exit %d", code)
	}
	code, _, errs := runSegdashWith(t, func(a *app) { a.out = failingWriter{} }, env, "workspaces")
	if code != cli.ExitError || !strings.Contains(errs, "writing the output: no space left on device") {
		t.Errorf("full disk: exit %d %q", code, errs)
	}
}
