package cli

// This file holds the command-line conventions of the one-shot commands
// (check and scan): --timeout, the bound on each request, and whether a
// command line asks for the Nagios format.

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
)

// RequestTimeout bounds one request of a check or a scan, its retries
// included, from when it is sent: each attempt is bounded by the client's
// 15 s, and a request that hangs is given up after at most two.
const RequestTimeout = 30 * time.Second

// Timeout is --timeout: a Go duration, or a bare number of seconds as
// Nagios passes it ("10" is 10s). 0 means no bound.
type Timeout time.Duration

// Set reads a duration or a number of seconds.
func (t *Timeout) Set(s string) error {
	s = strings.TrimSpace(s)
	d, err := time.ParseDuration(s)
	if secs, ferr := strconv.ParseFloat(s, 64); ferr == nil {
		d, err = time.Duration(secs*float64(time.Second)), nil
	}
	if err != nil || d < 0 {
		return fmt.Errorf("want a duration like 30s or 2m, or a number of seconds")
	}
	*t = Timeout(d)
	return nil
}

// String writes the flag's value ("0s" for none).
func (t *Timeout) String() string { return time.Duration(*t).String() }

// Type names the value in help.
func (t *Timeout) Type() string { return "duration" }

// RegisterTimeout adds --timeout to root, for check and scan.
func RegisterTimeout(root *cobra.Command) {
	root.PersistentFlags().Var(new(Timeout), "timeout",
		"check and scan: stop after this long (30s, 2m, or seconds as Nagios passes them: 10), write what came back marked partial, and exit 2 (3 in the nagios format); 0: no limit")
}

// TimedOut is the cause of a context ended by --timeout.
type TimedOut time.Duration

// Error says which --timeout passed.
func (t TimedOut) Error() string {
	return fmt.Sprintf("timed out after %v (--timeout)", time.Duration(t))
}

// OneShotContext is cmd's context bounded by its --timeout, when given,
// with each request bounded by bound (RequestTimeout when 0).
func OneShotContext(cmd *cobra.Command, bound time.Duration) (context.Context, context.CancelFunc) {
	if bound <= 0 {
		bound = RequestTimeout
	}
	ctx := client.WithRequestTimeout(cmd.Context(), bound)
	var d time.Duration
	if f := cmd.Flag("timeout"); f != nil {
		if v, ok := f.Value.(*Timeout); ok {
			d = time.Duration(*v)
		}
	}
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, d, TimedOut(d))
}

// TimedOutOf is the --timeout that ended ctx, if one did.
func TimedOutOf(ctx context.Context) (TimedOut, bool) {
	var t TimedOut
	ok := errors.As(context.Cause(ctx), &t)
	return t, ok
}

// AsksNagios says whether args run check or scan in the nagios format.
func AsksNagios(args []string) bool {
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
