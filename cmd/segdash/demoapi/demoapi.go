// Package demoapi runs `segdash demo-api`: the stand-in Braze API on
// loopback, with segments that break on the newest day, to try segdash or
// curl without an account.
package demoapi

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	o.Drift = f.Drift
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
	if f.Latency > 0 {
		srv.SetFault(brazetest.Fault{Latency: f.Latency})
	}
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
	fmt.Fprintln(out, "Ctrl+C stops it.")
	<-ctx.Done()
	return nil
}
