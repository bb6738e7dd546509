package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/dash"
	"github.com/segdash/segdash/ui"
)

// dashFlags are the dashboard's own flags. --theme, --refresh and --length
// are read through config.Resolve, where they override the config file.
type dashFlags struct{ dash.Flags }

func (d *dashFlags) register(cmd *cobra.Command) { d.Register(cmd.Flags()) }

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
	if !cli.IsTerminal(a.out) {
		return errors.New("the dashboard needs a terminal; for scripts use segdash check (see segdash check --help)")
	}
	d.Fresh, _ = cmd.Flags().GetBool("fresh")
	s := a.starter(d)
	s.Saves = &dash.SaveLog{}
	return s.Run(cmd.Context(), cfg, a.in, a.out, func(msg string) { fmt.Fprintln(a.errw, "segdash: "+msg) })
}
