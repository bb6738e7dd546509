package dash

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/termwatch"
	"github.com/segdash/segdash/ui"
)

// GCPercent is the dashboard's GOGC unless the environment sets one.
const GCPercent = 50

// Run runs the dashboard of cfg on the terminal in/out until q, a signal
// (the end of parent) or a crash. warn tells start-up warnings.
func (s *Starter) Run(parent context.Context, cfg config.Config, in io.Reader, out io.Writer, warn func(string)) error {
	opts, err := s.Options(cfg, warn)
	if err != nil {
		return err
	}
	// A signal ends main's context; the dashboard's own goes on until it
	// has saved as q does (QuitOnSignal).
	ctx, cancel := context.WithCancel(context.WithoutCancel(parent))
	defer cancel()
	be, err := s.connect(cfg)
	if err != nil {
		return err
	}
	defer be.Close()
	opts.Cache, opts.Context = be.Cache, ctx
	if s.Getenv("GOGC") == "" {
		// A dashboard's live heap is small (about 10 MB with 10,000
		// segments) and its garbage comes in bursts (a listing, a page of
		// rows): collecting at half the default growth keeps its memory
		// near what it uses, for little CPU.
		debug.SetGCPercent(GCPercent)
	}
	// A terminal that is gone (EIO on write) ends the dashboard; SIGHUP,
	// SIGTERM and SIGINT quit it as q does, through main's context.
	out = termwatch.Output(out, cancel)
	var closers []func()
	defer func() {
		for _, c := range closers {
			c()
		}
	}()
	root := s.Model(ctx, cfg, ui.New(opts), &closers)
	// Bubble Tea's own signal handler would quit on SIGTERM without the
	// save; QuitOnSignal handles the signals instead.
	p := tea.NewProgram(root, tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(ui.FPS),
		tea.WithoutSignalHandler())
	stop := QuitOnSignal(parent, p, cancel)
	err = RunProgram(p)
	stop()
	if err == nil {
		err = s.Saves.Err() // a failed save on quit is said after the screen is restored
	}
	if errors.Is(err, ErrPanic) && opts.Snapshot != nil {
		if store := config.SnapshotStore(cfg, s.Now); store != nil {
			err = fmt.Errorf("%w\n%s", err, SetAside(store.Path(), s.Now))
		}
	}
	return err
}

// SetAside renames the snapshot at path out of the way after a crash, in
// case its data caused it: the next start must not crash the same way.
// It returns what it did, for the user.
func SetAside(path string, now func() time.Time) string {
	aside := fmt.Sprintf("%s.bad-%d", path, now().Unix())
	if err := os.Rename(path, aside); err != nil {
		return fmt.Sprintf("the saved data %s could not be set aside: %v", path, err)
	}
	return "the saved data of the last run was set aside in case it caused the crash: " + aside
}

// ErrPanic is a crash of the dashboard: a bug, reported as one.
var ErrPanic = errors.New("the dashboard crashed (a bug; the panic is printed above) and the terminal was restored; please report it")

// RunProgram runs a dashboard program and tells how it ended. Bubble Tea
// recovers a panic itself (in Update, View or a command), restores the
// terminal, prints the panic on stderr and returns ErrProgramKilled
// wrapping ErrProgramPanic: that must not count as a clean exit.
func RunProgram(p *tea.Program) error {
	_, err := p.Run()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tea.ErrProgramPanic):
		return ErrPanic
	case errors.Is(err, tea.ErrProgramKilled), errors.Is(err, context.Canceled):
		return nil // Ctrl+C, SIGTERM or the end of the context
	}
	return fmt.Errorf("dashboard: %w", err)
}
