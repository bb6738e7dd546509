package main

import (
	"errors"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/demoapi"
)

func (a *app) newDemoAPICmd() *cobra.Command {
	var f demoapi.Flags
	cmd := &cobra.Command{
		Use:   "demo-api",
		Short: "Serve the stand-in Braze API on loopback, to try segdash or curl without an account",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("fault-rate") && f.Fault == "" {
				return errors.New("--fault-rate says how often --fault happens: give --fault too")
			}
			return demoapi.Run(cmd.Context(), a.out, f, a.now)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Listen, "listen", "127.0.0.1:8089", "loopback address to listen on")
	fl.Int64Var(&f.Seed, "seed", 42, "seed of the synthetic workspace")
	fl.IntVar(&f.Segments, "segments", 300, "number of segments")
	fl.DurationVar(&f.TimeLapse, "time-lapse", 0, "run one simulated day every this much real time (0: the real clock; the day turns at midnight UTC)")
	fl.DurationVar(&f.Drift, "drift", 10*time.Second, "move the newest day's sizes a little this often, as a live estimate does (0: sizes never move)")
	fl.StringVar(&f.Untracked, "untracked", "zeros", "data_series for untracked segments: zeros or error")
	fl.DurationVar(&f.Latency, "latency", 0, "delay every answer by this much")
	fl.StringVar(&f.Fault, "fault", "", "make a share (--fault-rate) of the requests fail: "+demoapi.FaultKinds)
	fl.Float64Var(&f.FaultRate, "fault-rate", 0.1, "share of the requests that suffer --fault, more than 0 and at most 1")
	fl.IntVar(&f.RateLimit, "rate-limit", 0, "hourly requests the key may send before it gets 429s (0: Braze's 250,000)")
	return cmd
}
