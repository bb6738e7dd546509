package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui"
)

// dashFlags are the dashboard's own flags.
type dashFlags struct {
	theme     string
	refresh   time.Duration
	length    int
	noMouse   bool
	exportDir string
}

func (d *dashFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&d.theme, "theme", "auto", "colour theme: auto (from the terminal background), dark, light, ocean, high-contrast, mono")
	f.DurationVar(&d.refresh, "refresh", 5*time.Minute, "live refresh interval (0 turns it off); the demo defaults to 10s")
	f.IntVar(&d.length, "length", 30, "initial window in days, 1..100 (keys 1-4 switch between 7, 30, 90 and 100)")
	f.BoolVar(&d.noMouse, "no-mouse", false, "start with mouse capture off (m toggles it)")
	f.StringVar(&d.exportDir, "export-dir", ".", "directory where e writes CSV files")
}

// demoDay is how long one simulated day lasts in the dashboard's demo.
const demoDay = 10 * time.Second

// dashboardOptions validates the flags and turns them into ui.Options.
func (d *dashFlags) options(cmd *cobra.Command, cfg Config, getenv func(string) string) (ui.Options, error) {
	if d.theme != "auto" {
		if _, err := themes.ByName(d.theme); err != nil {
			return ui.Options{}, usageError("--theme: %v", err)
		}
	}
	if d.refresh < 0 || (d.refresh > 0 && d.refresh < time.Second) {
		return ui.Options{}, usageError("--refresh must be 0 (off) or at least 1s, got %s", d.refresh)
	}
	if err := client.CheckLength(d.length); err != nil {
		return ui.Options{}, usageError("--length: %v", err)
	}
	o := ui.Options{Theme: d.theme, NoColor: getenv("NO_COLOR") != "", Refresh: d.refresh, Length: d.length,
		Demo: cfg.Demo, Source: cfg.Endpoint, ExportDir: d.exportDir, NoMouse: d.noMouse}
	if cfg.Demo && !cmd.Flags().Changed("refresh") {
		o.Refresh = demoDay
	}
	return o, nil
}

func runDashboard(cmd *cobra.Command, io stdio, getenv func(string) string, g *globalFlags, d *dashFlags) error {
	cfg, err := resolveConfig(g, getenv)
	if err != nil {
		return err
	}
	opts, err := d.options(cmd, cfg, getenv)
	if err != nil {
		return err
	}
	if !isTerminal(io.out) {
		return errors.New("the dashboard needs a terminal; for scripts use segdash check (see segdash check --help)")
	}
	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()
	if cfg.Demo && !cmd.Flags().Changed("cache-ttl") {
		cfg.CacheTTL = demoDay / 2 // the time-lapse data changes every few seconds
	}
	be, err := connect(ctx, cfg, demoClock())
	if err != nil {
		return err
	}
	defer be.Close()
	opts.Cache, opts.Context = be.cache, ctx
	p := tea.NewProgram(ui.New(opts), tea.WithContext(ctx), tea.WithInput(io.in), tea.WithOutput(io.out))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("dashboard: %w", err)
	}
	return nil
}

// demoClock is the demo API's time-lapse clock, starting now.
func demoClock() func() time.Time { return brazetest.TimeLapse(time.Now(), demoDay, time.Now) }
