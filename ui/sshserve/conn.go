package sshserve

import (
	"net"
	"sync"

	"charm.land/ssh"
)

// conn is what the server tracks of one TCP connection: its
// unauthenticated slot until it authenticates, then its connection slot,
// its open sessions, and the timer that closes it while it holds none.
type conn struct {
	net.Conn
	s *server

	mu            sync.Mutex
	releaseUnauth func()
	admitted      bool        // holds a connection slot
	sessions      int         // open sessions
	stopTimer     func() bool // the pre-session timer, when armed
	closed        bool
}

// connKey is the connection's context key of its *conn.
type connKey struct{}

// trackConnection is the server's ConnCallback: it bounds the connections
// that have not authenticated yet (see unauthLimiter) and tracks the
// others. Beyond MaxUnauthenticated, or MaxUnauthenticatedPerIP from one
// address, a new connection is dropped at once.
func (s *server) trackConnection(ctx ssh.Context, nc net.Conn) net.Conn {
	release, refused := s.unauth.acquire(nc.RemoteAddr())
	if refused != "" {
		s.warnRepeated(nc.RemoteAddr(), "refused: "+refused,
			"max_unauthenticated", s.cfg.MaxUnauthenticated, "max_unauthenticated_per_ip", s.cfg.MaxUnauthenticatedPerIP)
		return nil
	}
	c := &conn{Conn: nc, s: s, releaseUnauth: release}
	ctx.SetValue(connKey{}, c)
	return c
}

// admit moves the connection from the unauthenticated count to the
// authenticated one, once, and starts its pre-session timer. It is false
// when the server holds MaxConnections already.
func (s *server) admit(ctx ssh.Context) bool {
	c, ok := ctx.Value(connKey{}).(*conn)
	if !ok {
		return true // not a connection of this server's listener (tests)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.admitted {
		return true
	}
	if n := s.conns.Add(1); int(n) > s.cfg.MaxConnections {
		s.conns.Add(-1)
		s.warnRepeated(c.RemoteAddr(), "refused: too many connections", "max_connections", s.cfg.MaxConnections)
		return false
	}
	c.admitted = true
	s.cfg.Observer.ConnectionOpened()
	c.releaseUnauth()
	c.armLocked()
	return true
}

// armLocked starts the pre-session timer: a connection that holds no
// session is closed after PreSessionTimeout.
func (c *conn) armLocked() {
	if c.closed || c.stopTimer != nil {
		return
	}
	c.stopTimer = c.s.cfg.AfterFunc(c.s.cfg.PreSessionTimeout, func() {
		c.mu.Lock()
		idle := c.sessions == 0 && !c.closed
		c.mu.Unlock()
		if idle {
			c.s.warnRepeated(c.RemoteAddr(), "closed: connection held no session", "after", c.s.cfg.PreSessionTimeout.String())
			c.Close()
		}
	})
}

// sessionStarted and sessionEnded count the connection's sessions; the
// pre-session timer runs while there is none.
func (c *conn) sessionStarted() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sessions++
	if c.stopTimer != nil {
		c.stopTimer()
		c.stopTimer = nil
	}
}

func (c *conn) sessionEnded() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sessions--; c.sessions == 0 {
		c.armLocked()
	}
}

// Close frees the connection's slots and closes it.
func (c *conn) Close() error {
	c.mu.Lock()
	if !c.closed {
		c.closed = true
		c.releaseUnauth()
		if c.admitted {
			c.s.conns.Add(-1)
			c.s.cfg.Observer.ConnectionClosed()
		}
		if c.stopTimer != nil {
			c.stopTimer()
		}
	}
	c.mu.Unlock()
	return c.Conn.Close()
}

// holdConnection counts the session on its connection, so that the
// pre-session timer leaves the connection open while it runs.
func (s *server) holdConnection(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if c, ok := sess.Context().Value(connKey{}).(*conn); ok {
			c.sessionStarted()
			defer c.sessionEnded()
		}
		next(sess)
	}
}
