package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/dash"
	"github.com/segdash/segdash/ui"
)

// dashFlags are the dashboard's own flags. --theme, --refresh and --length
// are read through config.Resolve, where they override the config file.
type dashFlags struct{ dash.Flags }

func (d *dashFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("theme", "auto", "colour theme: auto (from the terminal background), dark, light, ocean, high-contrast, mono")
	f.Duration("refresh", config.DefaultRefresh, "live refresh interval (0 turns it off); the demo defaults to 10s")
	f.Int("length", config.DefaultLength, "initial window in days, 1..365 (keys 1-5 switch between 7, 30, 90, 180 and 365)")
	f.BoolVar(&d.NoMouse, "no-mouse", false, "start with mouse capture off (m toggles it)")
	f.StringVar(&d.ExportDir, "export-dir", ".", "directory where e writes CSV files")
	f.StringVar(&d.Watch, "watch", "", "open with this watchlist from the config file selected")
	f.BoolVar(&d.Offline, "offline", false, "show only the data saved by the last run; send no request at all")
}

// dashboardGCPercent is dash.GCPercent, which scans use too.
const dashboardGCPercent = dash.GCPercent

// starter is the dashboard's dash.Starter with a's environment and clock.
func (a *app) starter(d *dashFlags) *dash.Starter {
	return &dash.Starter{Flags: d.Flags, Getenv: a.getenv, Now: a.now, Tick: a.tick, UserAgent: "segdash/" + version()}
}

// options is the dashboard's ui.Options for cfg (dash.Starter.Options).
func (d *dashFlags) options(a *app, cfg config.Config, warn func(string)) (ui.Options, error) {
	return a.starter(d).Options(cfg, warn)
}

func (a *app) runDashboard(cmd *cobra.Command, d *dashFlags) error {
	cfg, err := a.resolveConfig(cmd)
	if err != nil {
		return err
	}
	cfg.DemoPace(config.DemoDay)
	printWarnings(a.errw, cfg)
	if !isTerminal(a.out) {
		return errors.New("the dashboard needs a terminal; for scripts use segdash check (see segdash check --help)")
	}
	d.Fresh, _ = cmd.Flags().GetBool("fresh")
	s := a.starter(d)
	s.Saves = &dash.SaveLog{}
	return s.Run(cmd.Context(), cfg, a.in, a.out, func(msg string) { fmt.Fprintln(a.errw, "segdash: "+msg) })
}
