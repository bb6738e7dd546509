package main

import (
	"fmt"
	"net"
	"runtime/debug"
	"strings"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/ratelimiter"
	gossh "golang.org/x/crypto/ssh"
)

// unauthKey holds a connection's release of its unauthenticated slot.
type unauthKey struct{}

// countUnauthenticated bounds the connections that have not authenticated
// yet (see unauthLimiter): beyond --max-unauthenticated, or
// --max-unauthenticated-per-ip from one address, a new one is dropped at
// once. A connection leaves the count when it authenticates or closes.
func (s *server) countUnauthenticated(ctx ssh.Context, c net.Conn) net.Conn {
	release, refused := s.unauth.acquire(c.RemoteAddr())
	if refused != "" {
		s.log.Warn("refused: "+refused, "remote", c.RemoteAddr().String(),
			"max_unauthenticated", s.flags.maxUnauth, "max_unauthenticated_per_ip", s.flags.maxUnauthPerIP)
		return nil
	}
	ctx.SetValue(unauthKey{}, release)
	return &releaseConn{Conn: c, release: release}
}

// authenticated frees the connection's unauthenticated slot.
func authenticated(ctx ssh.Context) {
	if release, ok := ctx.Value(unauthKey{}).(func()); ok {
		release()
	}
}

// releaseConn frees its unauthenticated slot when closed.
type releaseConn struct {
	net.Conn
	release func()
}

// Close frees the slot and closes the connection.
func (c *releaseConn) Close() error {
	c.release()
	return c.Conn.Close()
}

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

// logSessions logs connect and disconnect, with the key's fingerprint.
func (s *server) logSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		fp := ""
		if k := sess.PublicKey(); k != nil {
			fp = gossh.FingerprintSHA256(k)
		}
		_, _, pty := sess.Pty()
		s.log.Info("connect", "user", sess.User(), "remote", sess.RemoteAddr().String(), "fingerprint", fp,
			"pty", pty, "command", strings.Join(sess.Command(), " "))
		next(sess)
		s.log.Info("disconnect", "user", sess.User(), "remote", sess.RemoteAddr().String(), "fingerprint", fp,
			"duration", time.Since(start).Round(time.Millisecond).String())
	}
}

// limitSessions refuses, politely, a session beyond --max-sessions.
func (s *server) limitSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if n := s.active.Add(1); int(n) > s.flags.maxSessions {
			s.active.Add(-1)
			s.log.Warn("refused: server full", "remote", sess.RemoteAddr().String(), "max_sessions", s.flags.maxSessions)
			refuse(sess, "segdash: the server is full (%d sessions); please try again later\r\n", s.flags.maxSessions)
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
				s.log.Warn("refused: rate limit", "remote", sess.RemoteAddr().String())
				refuse(sess, "segdash: %v\r\n", err)
				return
			}
			next(sess)
		}
	}
}

// refuse tells the session why it ends and closes it with exit status 2:
// status 1 means a threshold breach to `ssh … check` scripts, and a
// refusal (server full, rate limit, internal error) is no breach.
func refuse(sess ssh.Session, format string, args ...any) {
	fmt.Fprintf(sess.Stderr(), format, args...)
	sess.Exit(exitError)
	sess.Close()
}
