package main

// This file holds what `check` and `scan` share as one-shot commands: the
// Nagios exit codes and the failure to write an answer; --timeout is in
// cli.

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/ui/output"
)

// exitUnknown is the Nagios UNKNOWN exit code: in the nagios format, a
// check or scan that could not run, or ran out of time.
const exitUnknown = 3

// seriesRequestTimeout bounds one request of a check or a scan
// (cli.RequestTimeout).
const seriesRequestTimeout = cli.RequestTimeout

// registerTimeout adds --timeout to root, for check and scan.
func registerTimeout(root *cobra.Command) { cli.RegisterTimeout(root) }

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
	if err == nil || errors.As(err, &ce) && ce.answered || !cli.AsksNagios(args) {
		return err
	}
	return a.nagiosAnswerError(err)
}

// nagiosAnswerError writes err as an UNKNOWN answer; the exit is 3.
func (a *app) nagiosAnswerError(err error) error {
	output.NagiosError(err).Write(a.out)
	return &codeError{code: exitUnknown, err: err, answered: true}
}

// nagiosExit is n as it is to be written, and the exit it stands for:
// its state, with why (err) for CRITICAL and UNKNOWN. A run that --timeout
// ended is UNKNOWN whatever it found, and says so first.
func nagiosExit(ctx context.Context, n output.Nagios, err error) (output.Nagios, error) {
	if t, ok := cli.TimedOutOf(ctx); ok {
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
