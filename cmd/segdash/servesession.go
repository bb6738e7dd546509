package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	bm "charm.land/wish/v2/bubbletea"
	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
)

// oneShot serves requests without a PTY: `check ...` runs a check over the
// shared client; anything else gets a short usage message.
func (s *server) oneShot(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); ok {
			next(sess)
			if s.ctx.Err() != nil {
				// Leave the alternate screen and say why the dashboard ended.
				fmt.Fprint(sess, "\x1b[?1049l\r\nsegdash: the server is shutting down. Bye.\r\n")
			}
			return
		}
		args := sess.Command()
		if len(args) == 0 || args[0] != "check" {
			fmt.Fprintln(sess.Stderr(), "segdash: without a terminal only one-shot checks run here:\n"+
				"  ssh -p PORT HOST check [--format chart|spark|json|csv|nagios] [--length N] [--min N] [--max-drop PCT] [--rules] [--compare previous] SEGMENT...\n"+
				"for the dashboard, connect with a terminal: ssh -t -p PORT HOST")
			sess.Exit(exitError)
			return
		}
		sa := &app{in: sess, out: sess, errw: sess.Stderr(), getenv: s.app.getenv, now: s.app.now}
		w := workspaceOf(sess)
		shared := func(*cobra.Command) (*backend, config.Config, func(), error) {
			return w.be, w.cfg, func() {}, nil
		}
		// Only check's own flags: no --endpoint or --api-key-file from
		// a remote user, so the server's key goes nowhere else.
		check := sa.newCheckCommand(shared)
		setUsageErrors(check)
		ctx, cancel := context.WithCancel(sess.Context())
		defer cancel()
		stop := context.AfterFunc(s.ctx, cancel)
		defer stop()
		sess.Exit(sa.execute(ctx, check, args[1:]))
	}
}

// dashboard runs a session's dashboard, following its window size.
func (s *server) dashboard(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		_, windowChanges, ok := sess.Pty()
		if !ok {
			next(sess)
			return
		}
		p, input := s.program(sess)
		ctx, cancel := context.WithCancel(sess.Context())
		var idled atomic.Bool
		go func() {
			// A dashboard writes while nobody watches, so the connection's
			// own idle timeout never fires: idle here means no input.
			check := time.NewTicker(s.idleCheckEvery())
			defer check.Stop()
			for {
				select {
				case <-ctx.Done():
					p.Quit()
					return
				case w := <-windowChanges:
					p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height}) // clamped by sessionFilter
				case <-check.C:
					if input.idle() > s.flags.idleTimeout {
						idled.Store(true)
						s.log.Info("idle timeout", "remote", sess.RemoteAddr().String(), "idle", s.flags.idleTimeout.String())
						p.Quit()
						return
					}
				}
			}
		}()
		err := runProgram(p)
		cancel()
		switch {
		case errors.Is(err, errDashboardPanic):
			// Bubble Tea recovered the panic and printed it on the
			// server's stderr; the log and the user hear of it here.
			s.log.Error("panic in a dashboard session", "remote", sess.RemoteAddr().String(), "user", sess.User())
			fmt.Fprint(sess, "\x1b[?1049l\r\nsegdash: internal error; the dashboard was closed. The server keeps running.\r\n")
		case err != nil:
			s.log.Error("dashboard ended with an error", "err", err, "remote", sess.RemoteAddr().String())
		}
		p.Kill()
		if idled.Load() {
			fmt.Fprintf(sess, "\x1b[?1049l\r\nsegdash: closed after %s without input.\r\n", s.flags.idleTimeout)
		}
		next(sess)
	}
}

// inputClock passes a session's input on and remembers when some came.
type inputClock struct {
	io.Reader
	last atomic.Int64 // unix nanoseconds
	now  func() time.Time
}

func newInputClock(r io.Reader, now func() time.Time) *inputClock {
	c := &inputClock{Reader: r, now: now}
	c.last.Store(now().UnixNano())
	return c
}

func (c *inputClock) Read(p []byte) (int, error) {
	n, err := c.Reader.Read(p)
	if n > 0 {
		c.last.Store(c.now().UnixNano())
	}
	return n, err
}

// idle is the time since the last input.
func (c *inputClock) idle() time.Duration { return c.now().Sub(time.Unix(0, c.last.Load())) }

// idleCheckEvery is how often a session's idleness is checked: often
// enough that a session closes within a quarter of the timeout.
func (s *server) idleCheckEvery() time.Duration {
	if s.flags.idleCheck > 0 {
		return s.flags.idleCheck
	}
	return min(s.flags.idleTimeout/4, 30*time.Second)
}

// program builds one session's dashboard: its own model (sessionModel),
// sized to its terminal, with its own theme detection, on the shared caches.
func (s *server) program(sess ssh.Session) (*tea.Program, *inputClock) {
	ctx, cancel := context.WithCancel(sess.Context())
	stop := context.AfterFunc(s.ctx, cancel)
	noColor := false
	for _, e := range sess.Environ() {
		if v, ok := strings.CutPrefix(e, "NO_COLOR="); ok && v != "" {
			noColor = true
		}
	}
	m := s.sessionModel(ctx, sess, noColor)
	input := newInputClock(sess, s.app.now)
	pty, _, _ := sess.Pty()
	width, h := clampWindow(pty.Window.Width, pty.Window.Height)
	opts := append(bm.MakeOptions(sess), tea.WithContext(ctx), tea.WithInput(input),
		tea.WithWindowSize(width, h), tea.WithFilter(sessionFilter), tea.WithFPS(ui.FPS))
	context.AfterFunc(ctx, func() { stop() }) // forget the shutdown hook with the session
	return tea.NewProgram(m, opts...), input
}

// sessionTick makes timers that end with ctx: a closed session's pending
// refresh tick returns at once instead of holding its program in memory
// until it fires (tea.Tick cannot be stopped).
func (a *app) sessionTick(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
	return func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
				return fn(a.now())
			}
		}
	}
}

// Largest window a session may ask for: a client asking for 1024×1024 would
// make every frame a megabyte of cells, redrawn on every refresh.
const (
	maxWindowWidth  = 500
	maxWindowHeight = 200
)

// clampWindow bounds a session's window size.
func clampWindow(w, h int) (int, int) {
	return min(max(w, 0), maxWindowWidth), min(max(h, 0), maxWindowHeight)
}

// sessionFilter is every session program's message filter: window sizes
// are clamped, whichever way they arrive, and a suspend (ctrl+z) resumes
// at once, as wish's own filter does: a remote user cannot suspend the
// server's program.
func sessionFilter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		msg.Width, msg.Height = clampWindow(msg.Width, msg.Height)
		return msg
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	}
	return msg
}
