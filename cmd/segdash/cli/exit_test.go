package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/output"
)

// TestExitCodes: an error's exit code, and which errors are printed (a
// breach was reported already; everything else is said once, made safe).
func TestExitCodes(t *testing.T) {
	cases := []struct {
		err     error
		code    int
		printed bool
	}{
		{nil, ExitOK, false},
		{errors.New("bad flag"), ExitError, true},
		{fmt.Errorf("wrapped: %w", Breach("threshold breached")), ExitBreach, false},
		{&Exit{Code: ExitUnknown, Err: errors.New("no answer"), Answered: true}, ExitUnknown, true},
	}
	for _, c := range cases {
		var w bytes.Buffer
		if got := ExitCode(&w, c.err); got != c.code || (w.Len() > 0) != c.printed {
			t.Errorf("%v: exit %d, printed %q; want %d, printed %v", c.err, got, w.String(), c.code, c.printed)
		}
	}
	var w bytes.Buffer
	ExitCode(&w, errors.New("name \x1b[31mred\x1b[0m"))
	if strings.Contains(w.String(), "\x1b") || !strings.HasPrefix(w.String(), "segdash: ") {
		t.Errorf("printed error not made safe: %q", w.String())
	}
}

// TestNagiosAnswers: a check in the nagios format that fails before its
// answer still writes one UNKNOWN line, once; other formats write none.
func TestNagiosAnswers(t *testing.T) {
	var out bytes.Buffer
	err := errors.New("--length 0: want 1 to 365")
	NagiosOnError(&out, "table", &err)
	if out.Len() != 0 || CodeOf(err) != ExitError {
		t.Fatalf("table format: wrote %q, exit %d", out.String(), CodeOf(err))
	}
	NagiosOnError(&out, "nagios", &err)
	NagiosOnError(&out, "nagios", &err) // answered already: nothing more
	if got := out.String(); strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, "SEGDASH UNKNOWN - --length 0") || CodeOf(err) != ExitUnknown {
		t.Errorf("nagios: wrote %q, exit %d", got, CodeOf(err))
	}
	out.Reset()
	flagErr := NagiosOnFlagError(&out, []string{"check", "--format", "nagios", "--min", "x"}, errors.New(`invalid argument "x"`))
	if CodeOf(flagErr) != ExitUnknown || !strings.HasPrefix(out.String(), "SEGDASH UNKNOWN - ") {
		t.Errorf("flag error in nagios: exit %d, wrote %q", CodeOf(flagErr), out.String())
	}
	out.Reset()
	if err := NagiosOnFlagError(&out, []string{"check", "--min", "x"}, errors.New("bad")); CodeOf(err) != ExitError || out.Len() != 0 {
		t.Errorf("flag error in a table: exit %d, wrote %q", CodeOf(err), out.String())
	}
}

// TestCheckResult: problems fail the check with grouped counts, breaches
// exit 1, a clean report exits 0.
func TestCheckResult(t *testing.T) {
	problems := make([]string, 1200)
	rep := &check.Report{Problems: problems, Results: make([]check.Result, 1500)}
	if err := CheckResult(context.Background(), rep); CodeOf(err) != ExitError || !strings.Contains(fmt.Sprint(err), "1,200 of 2,700 segments could not be checked") {
		t.Errorf("problems: %v", err)
	}
	if err := CheckResult(context.Background(), &check.Report{Results: make([]check.Result, 2)}); err != nil {
		t.Errorf("clean report: %v", err)
	}
}

// firing is a scan row whose alert fires (or is silenced).
func firing(silenced string) []monitor.Row {
	return []monitor.Row{{SegmentID: "s1", Alerts: []monitor.Alert{{Rule: "floor", Silenced: silenced}}}}
}

// TestScanEach: every workspace is scanned in turn, the one that failed is
// named on stderr, and the exit is the worst of them; an ended context
// stops after the workspace under way.
func TestScanEach(t *testing.T) {
	done := output.ScanSummary{Total: 3, Done: 3}
	answers := map[string]func() (output.ScanSummary, []monitor.Row, error){
		"quiet":    func() (output.ScanSummary, []monitor.Row, error) { return done, nil, nil },
		"silenced": func() (output.ScanSummary, []monitor.Row, error) { return done, firing("until Friday"), nil },
		"fired":    func() (output.ScanSummary, []monitor.Row, error) { return done, firing(""), nil },
		"short": func() (output.ScanSummary, []monitor.Row, error) {
			return output.ScanSummary{Total: 3, Done: 2}, nil, nil
		},
		"down": func() (output.ScanSummary, []monitor.Row, error) { return output.ScanSummary{}, nil, errors.New("401") },
	}
	run := func(ctx context.Context, names ...string) ([]output.WorkspaceScan, string, error) {
		var errw bytes.Buffer
		scans := make([]output.WorkspaceScan, len(names))
		for i, n := range names {
			scans[i].Name = n
		}
		got, err := ScanEach(ctx, &errw, scans, func(i int) (output.ScanSummary, []monitor.Row, error) { return answers[names[i]]() })
		return got, errw.String(), err
	}
	ctx := context.Background()
	if _, _, err := run(ctx, "quiet", "silenced"); err != nil {
		t.Errorf("quiet and silenced: %v", err)
	}
	if _, errs, err := run(ctx, "quiet", "fired"); CodeOf(err) != ExitBreach || errs != "" {
		t.Errorf("a fired alert: exit %d, stderr %q", CodeOf(err), errs)
	}
	scans, errs, err := run(ctx, "fired", "down", "short")
	if CodeOf(err) != ExitError || !strings.Contains(errs, "down") || !strings.Contains(errs, "401") || !strings.Contains(errs, "1 of 3 segments could not be scanned") {
		t.Errorf("failures: exit %d, stderr %q", CodeOf(err), errs)
	}
	if len(scans) != 3 || !scans[0].Scanned || scans[1].Scanned || scans[1].Err == nil || scans[2].Err == nil {
		t.Errorf("scans: %+v", scans)
	}
	ended, cancel := context.WithCancel(ctx)
	cancel()
	if scans, _, _ := run(ended, "quiet", "fired"); len(scans) != 1 {
		t.Errorf("an ended context scanned %d workspaces, want the one under way", len(scans))
	}
}
