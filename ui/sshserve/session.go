package sshserve

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

	"github.com/segdash/segdash/ui"
)

// oneShot serves sessions without a PTY through Config.Exec, in the
// session's workspace, until the session or the server ends.
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
		if s.cfg.Exec == nil {
			refuse(sess, "segdash: only the dashboard is served here: ssh -t -p PORT HOST\r\n")
			return
		}
		ctx, cancel := context.WithCancel(sess.Context())
		defer cancel()
		stop := context.AfterFunc(s.ctx, cancel)
		defer stop()
		sess.Exit(s.cfg.Exec(ctx, workspaceOf(sess).Name, sess.Command(), sess.Environ(), sess, sess.Stderr()))
	}
}

// dashboard runs a session's dashboard, following its window size, until
// the user quits, the session's input idles past IdleTimeout, the client
// closes the session or its connection, or the server stops. It returns once the program and its
// watcher have ended.
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
		watched := make(chan struct{})
		go func() {
			defer close(watched)
			// A dashboard writes while nobody watches, so the connection's
			// own idle timeout never fires: idle here means no input.
			check := time.NewTicker(s.idleCheckEvery())
			defer check.Stop()
			for {
				select {
				case <-ctx.Done():
					p.Quit()
					return
				case w, open := <-windowChanges:
					if !open {
						// The client closed the session (its connection
						// may stay, multiplexed): the dashboard ends too.
						p.Quit()
						return
					}
					p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height}) // clamped by sessionFilter
				case <-check.C:
					if input.idle() > s.cfg.IdleTimeout {
						idled.Store(true)
						s.log.Info("idle timeout", "remote", sess.RemoteAddr().String(), "idle", s.cfg.IdleTimeout.String())
						p.Quit()
						return
					}
				}
			}
		}()
		_, err := p.Run()
		cancel()
		<-watched
		switch {
		case errors.Is(err, tea.ErrProgramPanic):
			// Bubble Tea recovered the panic and printed it on the
			// server's stderr; the log and the user hear of it here.
			s.log.Error("panic in a dashboard session", "remote", sess.RemoteAddr().String(), "user", shortUser(sess.User()))
			fmt.Fprint(sess, "\x1b[?1049l\r\nsegdash: internal error; the dashboard was closed. The server keeps running.\r\n")
		case err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled):
			s.log.Error("dashboard ended with an error", "err", err, "remote", sess.RemoteAddr().String())
		}
		p.Kill()
		if idled.Load() {
			fmt.Fprintf(sess, "\x1b[?1049l\r\nsegdash: closed after %s without input.\r\n", s.cfg.IdleTimeout)
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

// Read reads input and notes its time.
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
	if s.cfg.IdleCheck > 0 {
		return s.cfg.IdleCheck
	}
	return min(s.cfg.IdleTimeout/4, 30*time.Second)
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
	m := s.sessionModel(s.withSessionBudget(ctx), sess, noColor)
	input := newInputClock(sess, s.cfg.Now)
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
func sessionTick(now func() time.Time) TickFunc {
	return func(ctx context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
		return func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg {
				t := time.NewTimer(d)
				defer t.Stop()
				select {
				case <-ctx.Done():
					return nil
				case <-t.C:
					return fn(now())
				}
			}
		}
	}
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
