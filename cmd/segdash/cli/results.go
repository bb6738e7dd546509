package cli

// This file holds how the answers of check and scan become their exits.

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/safe"
	"github.com/segdash/segdash/ui/output"
)

// count writes n with its digits grouped: "2,367".
func count(n int) string { return output.Grouped(int64(n)) }

// CheckResult is a check's exit outside the nagios format: an error when
// segments could not be checked (the --timeout that passed, if one did),
// a breach when a threshold was broken or a rule fired.
func CheckResult(ctx context.Context, rep *check.Report) error {
	if len(rep.Problems) > 0 {
		err := fmt.Errorf("%s of %s segments could not be checked", count(len(rep.Problems)), count(len(rep.Problems)+len(rep.Results)))
		if t, ok := TimedOutOf(ctx); ok {
			err = fmt.Errorf("%v: %w", t, err)
		}
		return err
	}
	if rep.Breached() {
		return Breach("threshold breached")
	}
	return nil
}

// ScanResult is a scan's exit outside the nagios format: an error when
// segments are missing, a breach when an alert that is not silenced fired.
func ScanResult(sum output.ScanSummary, rows []monitor.Row) error {
	switch output.ScanExitCode(sum, rows) {
	case ExitError:
		why := "could not be scanned"
		if sum.TimedOut {
			why = "were not scanned in time (--timeout)"
		}
		return fmt.Errorf("%s of %s segments %s (%s failed, %s not reached); the output covers the rest",
			count(sum.Missing()), count(sum.Total), why, count(sum.Failed), count(sum.Total-sum.Done))
	case ExitBreach:
		return Breach("alerts fired")
	}
	return nil
}

// ScanEach scans the workspaces of scans in turn with scan (given each
// one's index), filling in what came back; a workspace that could not be
// scanned completely is told on errw, by name. It stops early when ctx
// ends (Ctrl+C or --timeout), returning what came back, and its error is
// the worst exit of them all.
func ScanEach(ctx context.Context, errw io.Writer, scans []output.WorkspaceScan, scan func(i int) (output.ScanSummary, []monitor.Row, error)) ([]output.WorkspaceScan, error) {
	worst := ExitOK
	for i := range scans {
		ws := &scans[i]
		sum, rows, err := scan(i)
		if err == nil {
			ws.Scanned, ws.Summary, ws.Rows = true, sum, rows
			err = ScanResult(sum, rows)
		}
		code := CodeOf(err)
		if code == ExitError {
			ws.Err = err
			fmt.Fprintln(errw, output.ScanPrefix(ws.Name)+safe.Text(err.Error()))
		}
		worst = max(worst, code)
		if ctx.Err() != nil {
			scans = scans[:i+1]
			break
		}
	}
	switch worst {
	case ExitError:
		why := "not every workspace could be scanned completely"
		if t, ok := TimedOutOf(ctx); ok {
			why = t.Error() + ": " + why
		}
		return scans, errors.New(why)
	case ExitBreach:
		return scans, Breach("alerts fired")
	}
	return scans, nil
}
