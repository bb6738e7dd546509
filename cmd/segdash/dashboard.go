package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/termwatch"
	"github.com/segdash/segdash/ui"
)

// dashFlags are the dashboard's own flags. --theme, --refresh and --length
// are read through config.Resolve, where they override the config file.
type dashFlags struct {
	noMouse   bool
	exportDir string
	watch     string
	offline   bool
	saves     *saveLog // every workspace's last save, shared by their options
	// fresh is the global --fresh: nothing saved is loaded (what the
	// dashboard learns is still saved on quit).
	fresh bool
}

func (d *dashFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("theme", "auto", "colour theme: auto (from the terminal background), dark, light, ocean, high-contrast, mono")
	f.Duration("refresh", config.DefaultRefresh, "live refresh interval (0 turns it off); the demo defaults to 10s")
	f.Int("length", config.DefaultLength, "initial window in days, 1..365 (keys 1-5 switch between 7, 30, 90, 180 and 365)")
	f.BoolVar(&d.noMouse, "no-mouse", false, "start with mouse capture off (m toggles it)")
	f.StringVar(&d.exportDir, "export-dir", ".", "directory where e writes CSV files")
	f.StringVar(&d.watch, "watch", "", "open with this watchlist from the config file selected")
	f.BoolVar(&d.offline, "offline", false, "show only the data saved by the last run; send no request at all")
}

// dashboardGCPercent is the dashboard's GOGC unless the environment sets one.
const dashboardGCPercent = 50

// demoDay is how often the demo's newest sizes move (brazetest's Drift),
// and so the demo's refresh pace.
const demoDay = 10 * time.Second

// demoClock is the demo API's clock: the real one, so that the calendar
// turns at midnight as in life and never under the user; the demo stays
// live through the newest day's drift (demoOptions).
func demoClock(now func() time.Time) func() time.Time { return now }

// snapshotStore is where the dashboard keeps its last data for cfg's
// workspace, or nil for the demo (its data lives only as long as the
// process) or when there is no cache dir.
func snapshotStore(cfg config.Config, now func() time.Time) *snapshot.Store {
	if cfg.Demo {
		return nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil
	}
	return snapshot.NewStore(filepath.Join(dir, "segdash"), cfg.Endpoint, cfg.APIKey, now)
}

// options turns the configuration and flags into ui.Options, loading the
// last snapshot for an instant start; warn tells start-up warnings.
func (d *dashFlags) options(a *app, cfg config.Config, warn func(string)) (ui.Options, error) {
	o := ui.Options{Theme: cfg.Theme, NoColor: a.getenv("NO_COLOR") != "", Refresh: cfg.Refresh, Length: cfg.Length,
		Demo: cfg.Demo, Source: workspaceSource(cfg), ExportDir: d.exportDir, NoMouse: d.noMouse, Offline: d.offline,
		Watchlists: cfg.Watchlists, Rules: cfg.Rules, Now: a.now}
	if len(cfg.Warnings) > 0 {
		o.Notice = "warning: " + strings.Join(cfg.Warnings, "; ")
	}
	for _, w := range cfg.Workspaces {
		if w.Name == cfg.Workspace {
			o.KeyFrom = w.KeySetting()
		}
	}
	if d.watch != "" {
		if _, err := cfg.Watchlist(d.watch); err != nil {
			return o, usageError("--watch: %v", err)
		}
		o.Watch = d.watch
	}
	if cfg.WatchlistFile != "" {
		o.SaveWatchlist = config.NewWatchlistSaver(cfg.WatchlistFile, cfg.Workspace, cfg.Watchlists).Save
	}
	if d.fresh && d.offline {
		return o, usageError("--fresh asks the API for everything and --offline for nothing: give one of them")
	}
	if store := snapshotStore(cfg, a.now); store != nil {
		if !d.fresh {
			snap, err := store.Load()
			if err != nil {
				warn("warning: " + err.Error())
				o.Notice = strings.TrimPrefix(o.Notice+"; warning: "+err.Error(), "; ")
			}
			o.Snapshot = snap
		}
		o.SaveSnapshot = store.Save
		if d.saves != nil {
			o.SaveSnapshot = d.saves.wrap(store.Path(), store.Save)
		}
	}
	if d.offline && o.Snapshot == nil {
		return o, errors.New("--offline: no saved data for this workspace yet; run segdash once online first")
	}
	return o, nil
}

// workspaceSource names the workspace for the dashboard's title: its
// name, when it has one, and its endpoint.
func workspaceSource(cfg config.Config) string {
	if cfg.Workspace == "" {
		return cfg.Endpoint
	}
	return cfg.Workspace + " · " + cfg.Endpoint
}

func (a *app) runDashboard(cmd *cobra.Command, d *dashFlags) error {
	cfg, err := a.resolveConfig(cmd)
	if err != nil {
		return err
	}
	cfg.DemoPace(demoDay)
	printWarnings(a.errw, cfg)
	if !isTerminal(a.out) {
		return errors.New("the dashboard needs a terminal; for scripts use segdash check (see segdash check --help)")
	}
	d.fresh, _ = cmd.Flags().GetBool("fresh")
	d.saves = &saveLog{}
	opts, err := d.options(a, cfg, func(s string) { fmt.Fprintln(a.errw, "segdash: "+s) })
	if err != nil {
		return err
	}
	// A signal ends main's context; the dashboard's own goes on until it
	// has saved as q does (quitOnSignal).
	ctx, cancel := context.WithCancel(context.WithoutCancel(cmd.Context()))
	defer cancel()
	be, err := connect(cfg, a.now, demoClock(a.now), d.offline)
	if err != nil {
		return err
	}
	defer be.Close()
	opts.Cache, opts.Context = be.cache, ctx
	if a.getenv("GOGC") == "" {
		// A dashboard's live heap is small (about 10 MB with 10,000
		// segments) and its garbage comes in bursts (a listing, a page of
		// rows): collecting at half the default growth keeps its memory
		// near what it uses, for little CPU.
		debug.SetGCPercent(dashboardGCPercent)
	}
	// A terminal that is gone (EIO on write) ends the dashboard; SIGHUP,
	// SIGTERM and SIGINT quit it as q does, through main's context.
	out := termwatch.Output(a.out, cancel)
	var closers []func()
	defer func() {
		for _, c := range closers {
			c()
		}
	}()
	root := a.dashboardModel(ctx, cfg, d, ui.New(opts), &closers)
	// Bubble Tea's own signal handler would quit on SIGTERM without the
	// save; quitOnSignal handles the signals instead.
	p := tea.NewProgram(root, tea.WithContext(ctx), tea.WithInput(a.in), tea.WithOutput(out), tea.WithFPS(ui.FPS),
		tea.WithoutSignalHandler())
	stop := quitOnSignal(cmd.Context(), p, cancel)
	err = runProgram(p)
	stop()
	if err == nil {
		err = d.saves.err() // a failed save on quit is said after the screen is restored
	}
	if errors.Is(err, errDashboardPanic) && opts.Snapshot != nil {
		if store := snapshotStore(cfg, a.now); store != nil {
			err = fmt.Errorf("%w\n%s", err, setAside(store.Path(), a.now))
		}
	}
	return err
}

// setAside renames the snapshot at path out of the way after a crash, in
// case its data caused it: the next start must not crash the same way.
// It returns what it did, for the user.
func setAside(path string, now func() time.Time) string {
	aside := fmt.Sprintf("%s.bad-%d", path, now().Unix())
	if err := os.Rename(path, aside); err != nil {
		return fmt.Sprintf("the saved data %s could not be set aside: %v", path, err)
	}
	return "the saved data of the last run was set aside in case it caused the crash: " + aside
}

// errDashboardPanic is a crash of the dashboard: a bug, reported as one.
var errDashboardPanic = errors.New("the dashboard crashed (a bug; the panic is printed above) and the terminal was restored; please report it")

// runProgram runs a dashboard program and tells how it ended. Bubble Tea
// recovers a panic itself (in Update, View or a command), restores the
// terminal, prints the panic on stderr and returns ErrProgramKilled
// wrapping ErrProgramPanic: that must not count as a clean exit.
func runProgram(p *tea.Program) error {
	_, err := p.Run()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tea.ErrProgramPanic):
		return errDashboardPanic
	case errors.Is(err, tea.ErrProgramKilled), errors.Is(err, context.Canceled):
		return nil // Ctrl+C, SIGTERM or the end of the context
	}
	return fmt.Errorf("dashboard: %w", err)
}
