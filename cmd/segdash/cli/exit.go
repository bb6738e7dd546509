package cli

// This file holds segdash's exit codes, how an error becomes one, and the
// answer check and scan owe a monitoring system in the nagios format
// however they end.

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/segdash/segdash/ui/output"
)

// Exit codes of segdash: the `check` contract, and Nagios's UNKNOWN for a
// check or scan in the nagios format that could not run or ran out of time.
const (
	ExitOK      = 0
	ExitBreach  = 1
	ExitError   = 2
	ExitUnknown = 3
)

// Exit carries an exit code other than ExitError up through cobra; every
// other error exits ExitError.
type Exit struct {
	Code int
	Err  error
	// Answered is true when the Nagios answer for Err was written.
	Answered bool
}

func (e *Exit) Error() string { return e.Err.Error() }
func (e *Exit) Unwrap() error { return e.Err }

// Breach is the error of a run that reported breaches (what, for a reader
// of the error): it exits ExitBreach, and is not printed again.
func Breach(what string) error { return &Exit{Code: ExitBreach, Err: errors.New(what)} }

// CodeOf is err's exit code: ExitOK for none, an *Exit's own, else
// ExitError.
func CodeOf(err error) int {
	var e *Exit
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &e):
		return e.Code
	}
	return ExitError
}

// ExitCode is CodeOf(err), with err printed on w (PrintError) unless it is
// a breach, which was reported already.
func ExitCode(w io.Writer, err error) int {
	code := CodeOf(err)
	if code != ExitOK && code != ExitBreach {
		PrintError(w, err)
	}
	return code
}

// WriteError says that the output could not be written (a full disk, a
// closed pipe): the command fails rather than exit 0 with half an answer.
func WriteError(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("writing the output: %w", err)
}

// NagiosOnError writes on w the UNKNOWN status line of a check or scan in
// the nagios format that ended with an error before its own answer was
// written, and makes the exit 3: a monitoring system reads stdout, and
// must never get nothing.
func NagiosOnError(w io.Writer, format string, err *error) {
	if format == "nagios" && *err != nil && !answered(*err) {
		*err = nagiosAnswer(w, *err)
	}
}

// NagiosOnFlagError is NagiosOnError for an error cobra returns before
// check or scan runs (a flag it cannot parse): when args ask for the
// nagios format, the UNKNOWN line is written and the exit is 3.
func NagiosOnFlagError(w io.Writer, args []string, err error) error {
	if err == nil || answered(err) || !AsksNagios(args) {
		return err
	}
	return nagiosAnswer(w, err)
}

// answered says whether err's Nagios answer was written.
func answered(err error) bool {
	var e *Exit
	return errors.As(err, &e) && e.Answered
}

// nagiosAnswer writes err as an UNKNOWN answer on w; the exit is 3.
func nagiosAnswer(w io.Writer, err error) error {
	output.NagiosError(err).Write(w)
	return &Exit{Code: ExitUnknown, Err: err, Answered: true}
}

// NagiosExit is n as it is to be written, and the exit it stands for: its
// state, with why (err) for CRITICAL and UNKNOWN. A run that --timeout
// ended is UNKNOWN whatever it found, and says so first.
func NagiosExit(ctx context.Context, n output.Nagios, err error) (output.Nagios, error) {
	if t, ok := TimedOutOf(ctx); ok {
		n.State, n.Text = output.NagiosUnknown, t.Error()+"; "+n.Text
		err = t
	}
	if n.State == output.NagiosOK {
		return n, nil
	}
	if err == nil {
		err = fmt.Errorf("SEGDASH %s", n.State)
	}
	return n, &Exit{Code: int(n.State), Err: err, Answered: true}
}
