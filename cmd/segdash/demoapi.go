package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

func (a *app) newDemoAPICmd() *cobra.Command {
	var (
		listen    string
		seed      int64
		segments  int
		dayEvery  time.Duration
		untracked string
		latency   time.Duration
		drift     time.Duration
	)
	cmd := &cobra.Command{
		Use:   "demo-api",
		Short: "Serve the stand-in Braze API on loopback, to try segdash or curl without an account",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if segments < 1 || segments > 100000 {
				return usageError("--segments must be between 1 and 100000")
			}
			o := brazetest.Options{Workspace: brazetest.NewWorkspace(seed, segments)}
			switch untracked {
			case "zeros":
			case "error":
				o.Untracked = brazetest.UntrackedError
			default:
				return usageError("--untracked %q: want zeros or error", untracked)
			}
			if dayEvery < 0 || latency < 0 || drift < 0 {
				return usageError("--time-lapse, --latency and --drift must not be negative")
			}
			o.Drift = drift
			if dayEvery > 0 {
				o.Now = brazetest.TimeLapse(a.now(), dayEvery, a.now)
			}
			// Four segments break on the newest day (yesterday, moving with the
			// clock), so that a scan always has something to find.
			// Three more that share a tag fall together: an incident.
			falls, jumps := o.Workspace.PlantRollingBreaks(client.DateOf(a.now()).AddDays(-1))
			tag, together := o.Workspace.PlantRollingIncident(client.DateOf(a.now()).AddDays(-1))
			srv, err := brazetest.Start(listen, o)
			if err != nil {
				return err
			}
			defer srv.Close()
			if latency > 0 {
				srv.SetFault(brazetest.Fault{Latency: latency})
			}
			fmt.Fprintf(a.out, "segdash demo-api: the stand-in Braze API with %d segments (%d listed; archived ones are not, as in Braze)\n",
				segments, len(o.Workspace.Listed()))
			fmt.Fprintf(a.out, "  BRAZE_REST_ENDPOINT=%s\n", srv.URL)
			fmt.Fprintf(a.out, "  BRAZE_API_KEY=%s   (a demo key; it opens nothing real)\n", srv.Key)
			fmt.Fprintf(a.out, "try:\n  curl -H 'Authorization: Bearer %s' '%s/segments/list'\n", srv.Key, srv.URL)
			if n := len(falls) + len(jumps); n > 0 {
				fmt.Fprintf(a.out, "%d segments break on the newest day (%d fall, %d jump): segdash scan finds them\n", n, len(falls), len(jumps))
			}
			if len(together) > 0 {
				fmt.Fprintf(a.out, "%d segments tagged %s fall together on the newest day: segdash scan reports them as one incident\n", len(together), tag)
			}
			fmt.Fprintln(a.out, "Ctrl+C stops it.")
			<-cmd.Context().Done()
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&listen, "listen", "127.0.0.1:8089", "loopback address to listen on")
	f.Int64Var(&seed, "seed", 42, "seed of the synthetic workspace")
	f.IntVar(&segments, "segments", 300, "number of segments")
	f.DurationVar(&dayEvery, "time-lapse", 0, "run one simulated day every this much real time (0: the real clock; the day turns at midnight UTC)")
	f.DurationVar(&drift, "drift", 10*time.Second, "move the newest day's sizes a little this often, as a live estimate does (0: sizes never move)")
	f.StringVar(&untracked, "untracked", "zeros", "data_series for untracked segments: zeros or error")
	f.DurationVar(&latency, "latency", 0, "delay every answer by this much")
	return cmd
}
