package sshserve

import (
	"fmt"
	"net"
	"sync"
	"time"
	"unicode/utf8"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// authorize lets a key in when the authorized keys file of the workspace
// its SSH user name picks lists it (re-read every time, so adding a key
// needs no restart), and remembers that workspace for the connection. A
// user name that picks no workspace (no default) is let in only with a key
// of the server's authorized keys, to be told the names and refused. A
// refused key is logged (once per address and interval) and answered
// after a delay that grows with the address's recent failures.
func (s *server) authorize(ctx ssh.Context, key ssh.PublicKey) bool {
	w := s.pick(ctx.User())
	file := s.cfg.AuthorizedKeys
	if w != nil {
		file = s.keysFile(w)
	}
	if s.keyListed(file, key) {
		if !s.admit(ctx) {
			return false
		}
		ctx.SetValue(workspaceKey{}, w)
		s.failures.succeeded(ctx.RemoteAddr())
		return true
	}
	name := ""
	if w != nil {
		name = w.Name
	}
	s.warnRepeated(ctx.RemoteAddr(), "refused key", "fingerprint", gossh.FingerprintSHA256(key), "user", shortUser(ctx.User()), "workspace", name)
	if d := s.failures.failed(ctx.RemoteAddr()); d > 0 {
		s.cfg.Sleep(ctx, d)
	}
	return false
}

// maxLoggedUser is the most bytes of a user name that reach the log.
const maxLoggedUser = 64

// shortUser is a user name cut for the log and messages: a client picks
// it, of any length.
func shortUser(u string) string {
	if len(u) <= maxLoggedUser {
		return u
	}
	cut := maxLoggedUser
	for cut > 0 && !utf8.RuneStart(u[cut]) {
		cut--
	}
	return fmt.Sprintf("%s…(%d bytes)", u[:cut], len(u))
}

// The delay of failed authentications from one address: the first
// freeFailures cost nothing (a client offers several keys in turn), then
// each waits twice the one before, from firstDelay up to maxDelay. An
// address's failures are forgotten forgetFailures after its last one, or
// when it authenticates.
const (
	freeFailures   = 5
	firstDelay     = 100 * time.Millisecond
	maxDelay       = 10 * time.Second
	forgetFailures = time.Minute
	// maxTracked bounds the addresses remembered (failures, log lines).
	maxTracked = 1 << 14
)

// authThrottle counts recent failed authentications by source address.
type authThrottle struct {
	now func() time.Time
	mu  sync.Mutex
	by  map[string]*failures
}

type failures struct {
	n    int
	last time.Time
}

func newAuthThrottle(now func() time.Time) *authThrottle {
	return &authThrottle{now: now, by: map[string]*failures{}}
}

// failed counts a failure from addr and returns how long to wait before
// answering it.
func (a *authThrottle) failed(addr net.Addr) time.Duration {
	src, now := sourceKey(addr), a.now()
	a.mu.Lock()
	defer a.mu.Unlock()
	f, ok := a.by[src]
	if ok && now.Sub(f.last) > forgetFailures {
		f.n = 0
	}
	if !ok {
		if len(a.by) >= maxTracked {
			a.prune(now)
		}
		if len(a.by) >= maxTracked {
			return maxDelay // too many addresses failing at once: no free tries
		}
		f = &failures{}
		a.by[src] = f
	}
	f.n++
	f.last = now
	return failureDelay(f.n)
}

// failureDelay is the delay of the nth failure in a row.
func failureDelay(n int) time.Duration {
	if n <= freeFailures {
		return 0
	}
	d := firstDelay
	for i := freeFailures + 1; i < n && d < maxDelay; i++ {
		d *= 2
	}
	return min(d, maxDelay)
}

// succeeded forgets addr's failures.
func (a *authThrottle) succeeded(addr net.Addr) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.by, sourceKey(addr))
}

// prune forgets the addresses whose failures are old.
func (a *authThrottle) prune(now time.Time) {
	for k, f := range a.by {
		if now.Sub(f.last) > forgetFailures {
			delete(a.by, k)
		}
	}
}

// logRepeatEvery is how often one warning from one address is logged; the
// repeats between are counted, and the count goes with the next line.
const logRepeatEvery = 10 * time.Second

// logLimiter rate-limits repeated log lines by key.
type logLimiter struct {
	now   func() time.Time
	every time.Duration
	mu    sync.Mutex
	by    map[string]*repeats
}

type repeats struct {
	logged     time.Time
	suppressed int
}

func newLogLimiter(now func() time.Time, every time.Duration) *logLimiter {
	return &logLimiter{now: now, every: every, by: map[string]*repeats{}}
}

// allow says whether the line of key is logged now, and how many of it
// were not logged since the last one that was.
func (l *logLimiter) allow(key string) (bool, int) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.by[key]
	if !ok && len(l.by) >= maxTracked {
		for k, r := range l.by {
			if now.Sub(r.logged) >= l.every {
				delete(l.by, k)
			}
		}
		if len(l.by) >= maxTracked {
			key = "" // one shared line for the addresses past the bound
			r, ok = l.by[key]
		}
	}
	if !ok {
		l.by[key] = &repeats{logged: now}
		return true, 0
	}
	if now.Sub(r.logged) < l.every {
		r.suppressed++
		return false, 0
	}
	n := r.suppressed
	r.logged, r.suppressed = now, 0
	return true, n
}

// warnRepeated logs a warning about a client at addr, at most once per
// logRepeatEvery for one message and address, with the count of the
// repeats left out since.
func (s *server) warnRepeated(addr net.Addr, msg string, args ...any) {
	ok, n := s.repeats.allow(msg + "\x00" + sourceKey(addr))
	if !ok {
		return
	}
	args = append(args, "remote", addr.String())
	if n > 0 {
		args = append(args, "repeats_not_logged", n)
	}
	s.log.Warn(msg, args...)
}
