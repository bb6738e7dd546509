package main

// This file holds what `check` and `scan` share as one-shot commands: the
// --timeout flag, the bound on each request, and the Nagios exit codes.

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// exitUnknown is the Nagios UNKNOWN exit code: in the nagios format, a
// check or scan that could not run, or ran out of time.
const exitUnknown = 3

// seriesRequestTimeout bounds one request of a check or a scan, its
// retries included, from when it is sent: each attempt is bounded by the
// client's 15 s, and a request that hangs is given up after at most two.
const seriesRequestTimeout = 30 * time.Second

// timeoutFlag is --timeout: a Go duration, or a bare number of seconds as
// Nagios passes it ("10" is 10s). 0 means no bound.
type timeoutFlag time.Duration

// Set reads a duration or a number of seconds.
func (t *timeoutFlag) Set(s string) error {
	s = strings.TrimSpace(s)
	d, err := time.ParseDuration(s)
	if secs, ferr := strconv.ParseFloat(s, 64); ferr == nil {
		d, err = time.Duration(secs*float64(time.Second)), nil
	}
	if err != nil || d < 0 {
		return fmt.Errorf("want a duration like 30s or 2m, or a number of seconds")
	}
	*t = timeoutFlag(d)
	return nil
}

// String writes the flag's value ("0s" for none).
func (t *timeoutFlag) String() string { return time.Duration(*t).String() }

// Type names the value in help.
func (t *timeoutFlag) Type() string { return "duration" }

// registerTimeout adds --timeout to root, for check and scan.
func registerTimeout(root *cobra.Command) {
	root.PersistentFlags().Var(new(timeoutFlag), "timeout",
		"check and scan: stop after this long (30s, 2m, or seconds as Nagios passes them: 10), write what came back marked partial, and exit 2 (3 in the nagios format); 0: no limit")
}

// writeError says that the output could not be written (a full disk, a
// closed pipe): the command fails rather than exit 0 with half an answer.
func writeError(err error) error {
	if err == nil {
		return nil
	}
	return &codeError{code: exitError, err: fmt.Errorf("writing the output: %w", err)}
}

// count writes n with its digits grouped: "2,367".
func count(n int) string { return output.Grouped(int64(n)) }

// timedOut is the cause of a context ended by --timeout.
type timedOut time.Duration

func (t timedOut) Error() string {
	return fmt.Sprintf("timed out after %v (--timeout)", time.Duration(t))
}

// oneShotContext is cmd's context bounded by --timeout, when given, with
// each request bounded by a.requestTimeout (default seriesRequestTimeout).
func (a *app) oneShotContext(cmd *cobra.Command) (context.Context, context.CancelFunc) {
	bound := a.requestTimeout
	if bound <= 0 {
		bound = seriesRequestTimeout
	}
	ctx := client.WithRequestTimeout(cmd.Context(), bound)
	var d time.Duration
	if f := cmd.Flag("timeout"); f != nil {
		if v, ok := f.Value.(*timeoutFlag); ok {
			d = time.Duration(*v)
		}
	}
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, d, timedOut(d))
}

// timedOutOf is the --timeout that ended ctx, if one did.
func timedOutOf(ctx context.Context) (timedOut, bool) {
	var t timedOut
	ok := errors.As(context.Cause(ctx), &t)
	return t, ok
}

// nagiosOnError writes the UNKNOWN status line of a check or scan in the
// nagios format that ended with an error before its own answer was
// written, and makes the exit 3: a monitoring system reads stdout, and must
// never get nothing.
func (a *app) nagiosOnError(format string, err *error) {
	var ce *codeError
	if format != "nagios" || *err == nil || errors.As(*err, &ce) && ce.answered {
		return
	}
	*err = a.nagiosAnswerError(*err)
}

// nagiosOnFlagError is nagiosOnError for an error cobra returns before
// check or scan runs (a flag it cannot parse): when args ask for the
// nagios format, the UNKNOWN line is written and the exit is 3.
func (a *app) nagiosOnFlagError(args []string, err error) error {
	var ce *codeError
	if err == nil || errors.As(err, &ce) && ce.answered || !asksNagios(args) {
		return err
	}
	return a.nagiosAnswerError(err)
}

// nagiosAnswerError writes err as an UNKNOWN answer; the exit is 3.
func (a *app) nagiosAnswerError(err error) error {
	output.NagiosError(err).Write(a.out)
	return &codeError{code: exitUnknown, err: err, answered: true}
}

// asksNagios says whether args run check or scan in the nagios format.
func asksNagios(args []string) bool {
	oneShot, nagios := false, false
	for i, arg := range args {
		switch {
		case arg == "check" || arg == "scan":
			oneShot = true
		case arg == "--format=nagios", arg == "--format" && i+1 < len(args) && args[i+1] == "nagios":
			nagios = true
		}
	}
	return oneShot && nagios
}

// nagiosExit is n as it is to be written, and the exit it stands for:
// its state, with why (err) for CRITICAL and UNKNOWN. A run that --timeout
// ended is UNKNOWN whatever it found, and says so first.
func nagiosExit(ctx context.Context, n output.Nagios, err error) (output.Nagios, error) {
	if t, ok := timedOutOf(ctx); ok {
		n.State, n.Text = output.NagiosUnknown, t.Error()+"; "+n.Text
		err = t
	}
	if n.State == output.NagiosOK {
		return n, nil
	}
	if err == nil {
		err = fmt.Errorf("SEGDASH %s", n.State)
	}
	return n, &codeError{code: int(n.State), err: err, answered: true}
}
