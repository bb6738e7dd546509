// Package demoapi runs `segdash demo-api`: the stand-in Braze API on
// loopback, with segments that break on the newest day, to try segdash or
// curl without an account.
package demoapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// Flags are the flags of demo-api.
type Flags struct {
	// Listen is the loopback address to listen on.
	Listen string
	// Seed and Segments make the synthetic workspace.
	Seed     int64
	Segments int
	// TimeLapse runs a simulated day every this much real time (0: the
	// real clock).
	TimeLapse time.Duration
	// Untracked is what untracked segments answer: zeros or error.
	Untracked string
	// Latency delays every answer; Drift moves the newest day's sizes
	// this often.
	Latency, Drift time.Duration
	// Fault is what goes wrong with a share FaultRate of the requests
	// (see ParseFault); "" is nothing.
	Fault     string
	FaultRate float64
	// RateLimit is the hourly request pool of the key (0: Braze's
	// 250,000).
	RateLimit int
}

// FaultKinds says what --fault takes, for its help and its errors.
const FaultKinds = "an HTTP status 500-599 (a Braze-style error), html (a proxy's 502 page), malformed (a body that is not JSON), truncated (JSON cut midway) or slow (the body trickles out over 3s)"

// ParseFault makes the stand-in's fault of kind (FaultKinds) for a share
// rate of the requests, 0 < rate <= 1.
func ParseFault(kind string, rate float64) (brazetest.Fault, error) {
	if !(rate > 0 && rate <= 1) {
		return brazetest.Fault{}, fmt.Errorf("--fault-rate %v: want a share of the requests, more than 0 and at most 1", rate)
	}
	f := brazetest.Fault{Rate: rate}
	switch kind {
	case "html":
		f.Body = brazetest.BodyHTML
	case "malformed":
		f.Body = brazetest.BodyMalformed
	case "truncated":
		f.Body = brazetest.BodyTruncated
	case "slow":
		f.Body, f.Latency = brazetest.BodySlow, 3*time.Second
	default:
		status, err := strconv.Atoi(kind)
		if err != nil || status < 500 || status > 599 {
			return f, fmt.Errorf("--fault %q: want %s", kind, FaultKinds)
		}
		f.Status = status
	}
	return f, nil
}

// options checks the flags and makes the stand-in's options, on clock now.
func (f Flags) options(now func() time.Time) (brazetest.Options, error) {
	if f.Segments < 1 || f.Segments > 100000 {
		return brazetest.Options{}, errors.New("--segments must be between 1 and 100000")
	}
	o := brazetest.Options{Workspace: brazetest.NewWorkspace(f.Seed, f.Segments)}
	switch f.Untracked {
	case "zeros":
	case "error":
		o.Untracked = brazetest.UntrackedError
	default:
		return o, fmt.Errorf("--untracked %q: want zeros or error", f.Untracked)
	}
	if f.TimeLapse < 0 || f.Latency < 0 || f.Drift < 0 {
		return o, errors.New("--time-lapse, --latency and --drift must not be negative")
	}
	if f.RateLimit < 0 {
		return o, errors.New("--rate-limit must not be negative")
	}
	if f.RateLimit > 0 && f.TimeLapse > 0 {
		// Its hour would turn on the fast clock, its reset time would
		// not be one a client can wait for.
		return o, errors.New("--rate-limit runs on the real clock: leave out --time-lapse")
	}
	o.Drift, o.Latency, o.RateLimit = f.Drift, f.Latency, f.RateLimit
	if f.TimeLapse > 0 {
		o.Now = brazetest.TimeLapse(now(), f.TimeLapse, now)
	}
	return o, nil
}

// Run serves the stand-in API until ctx ends, telling on out how to use
// it.
func Run(ctx context.Context, out io.Writer, f Flags, now func() time.Time) error {
	o, err := f.options(now)
	if err != nil {
		return err
	}
	var fault brazetest.Fault
	if f.Fault != "" {
		if fault, err = ParseFault(f.Fault, f.FaultRate); err != nil {
			return err
		}
	}
	// Four segments break on the newest day (yesterday, moving with the
	// clock), so that a scan always has something to find.
	// Three more that share a tag fall together: an incident.
	falls, jumps := o.Workspace.PlantRollingBreaks(client.DateOf(now()).AddDays(-1))
	tag, together := o.Workspace.PlantRollingIncident(client.DateOf(now()).AddDays(-1))
	srv, err := brazetest.Start(f.Listen, o)
	if err != nil {
		return err
	}
	defer srv.Close()
	srv.SetFault(fault)
	fmt.Fprintf(out, "segdash demo-api: the stand-in Braze API with %d segments (%d listed; archived ones are not, as in Braze)\n",
		f.Segments, len(o.Workspace.Listed()))
	fmt.Fprintf(out, "  BRAZE_REST_ENDPOINT=%s\n", srv.URL)
	fmt.Fprintf(out, "  BRAZE_API_KEY=%s   (a demo key; it opens nothing real)\n", srv.Key)
	fmt.Fprintf(out, "try:\n  curl -H 'Authorization: Bearer %s' '%s/segments/list'\n", srv.Key, srv.URL)
	if n := len(falls) + len(jumps); n > 0 {
		fmt.Fprintf(out, "%d segments break on the newest day (%d fall, %d jump): segdash scan finds them\n", n, len(falls), len(jumps))
	}
	if len(together) > 0 {
		fmt.Fprintf(out, "%d segments tagged %s fall together on the newest day: segdash scan reports them as one incident\n", len(together), tag)
	}
	if f.Fault != "" {
		fmt.Fprintf(out, "%s of the requests answer --fault %s: see how segdash copes\n", percent(f.FaultRate), f.Fault)
	}
	if f.RateLimit > 0 {
		fmt.Fprintf(out, "the key may send %d requests an hour (--rate-limit); then it gets 429s until the hour ends\n", f.RateLimit)
	}
	fmt.Fprintln(out, "Ctrl+C stops it.")
	<-ctx.Done()
	return nil
}

// percent writes a share as a percentage to a tenth: 0.1 is "10%",
// 0.07 "7%", 0.333 "33.3%".
func percent(share float64) string {
	return strconv.FormatFloat(math.Round(share*1000)/10, 'f', -1, 64) + "%"
}
