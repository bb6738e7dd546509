package sshserve

import (
	"fmt"
	"runtime/debug"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/ratelimiter"
	gossh "golang.org/x/crypto/ssh"
)

// recoverPanics keeps a panic in one session from taking the server down.
func (s *server) recoverPanics(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("panic in a session", "panic", fmt.Sprint(r), "remote", sess.RemoteAddr().String())
				refuse(sess, "segdash: internal error; the session was closed\r\n")
			}
		}()
		next(sess)
	}
}

// The largest command a session may run: a one-shot check names a few
// segments, not thousands. Longer commands are refused before they are
// logged.
const (
	maxCommandArgs  = 256
	maxCommandBytes = 16 << 10
	// maxLoggedCommand is the most bytes of a command in the log.
	maxLoggedCommand = 512
)

// limitCommand refuses a command of more than maxCommandArgs words or
// maxCommandBytes bytes, logging only its size.
func (s *server) limitCommand(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if args, n := len(sess.Command()), len(sess.RawCommand()); args > maxCommandArgs || n > maxCommandBytes {
			s.warnRepeated(sess.RemoteAddr(), "refused: command too long", "args", args, "bytes", n)
			refuse(sess, "segdash: the command is too long (%d words, %d bytes; at most %d words and %d bytes)\r\n",
				args, n, maxCommandArgs, maxCommandBytes)
			return
		}
		next(sess)
	}
}

// logSessions logs connect and disconnect, with the key's fingerprint.
func (s *server) logSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		fp := ""
		if k := sess.PublicKey(); k != nil {
			fp = gossh.FingerprintSHA256(k)
		}
		_, _, pty := sess.Pty()
		command := sess.RawCommand()
		if len(command) > maxLoggedCommand {
			command = command[:maxLoggedCommand] + "…"
		}
		user := shortUser(sess.User())
		s.log.Info("connect", "user", user, "remote", sess.RemoteAddr().String(), "fingerprint", fp,
			"pty", pty, "command", command)
		next(sess)
		s.log.Info("disconnect", "user", user, "remote", sess.RemoteAddr().String(), "fingerprint", fp,
			"duration", time.Since(start).Round(time.Millisecond).String())
	}
}

// limitSessions refuses, politely, a session beyond MaxSessions.
func (s *server) limitSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if n := s.active.Add(1); int(n) > s.cfg.MaxSessions {
			s.active.Add(-1)
			s.warnRepeated(sess.RemoteAddr(), "refused: server full", "max_sessions", s.cfg.MaxSessions)
			refuse(sess, "segdash: the server is full (%d sessions); please try again later\r\n", s.cfg.MaxSessions)
			return
		}
		s.wg.Add(1)
		defer func() {
			if s.active.Add(-1) == 0 {
				// The last viewer left: give the sessions' memory back to
				// the system now, not minutes later (the heap is back to
				// the shared cache; the runtime kept the pages).
				debug.FreeOSMemory()
			}
			s.wg.Done()
		}()
		next(sess)
	}
}

// rateLimit refuses a session beyond the per-IP rate of new sessions.
func (s *server) rateLimit(limiter ratelimiter.RateLimiter) wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			if err := limiter.Allow(sess); err != nil {
				s.warnRepeated(sess.RemoteAddr(), "refused: rate limit")
				refuse(sess, "segdash: %v\r\n", err)
				return
			}
			next(sess)
		}
	}
}

// refuse tells the session why it ends and closes it with ExitRefused.
func refuse(sess ssh.Session, format string, args ...any) {
	fmt.Fprintf(sess.Stderr(), format, args...)
	sess.Exit(ExitRefused)
	sess.Close()
}
