package sshserve

import (
	"net"
	"net/netip"
	"sync"
)

// unauthLimiter bounds the connections that have not authenticated yet:
// at most max in all, so silent sockets cannot use up the file
// descriptors, and at most perSource from one source address, so that one
// address cannot take the whole pool and lock everyone else out. Many
// addresses together can still fill it (as with OpenSSH's MaxStartups);
// the handshake timeout is what frees their slots.
type unauthLimiter struct {
	max, perSource int

	mu       sync.Mutex
	total    int
	bySource map[string]int
}

func newUnauthLimiter(max, perSource int) *unauthLimiter {
	return &unauthLimiter{max: max, perSource: perSource, bySource: map[string]int{}}
}

// Why acquire refuses a connection (logged after "refused: ").
const (
	refusedUnauthTotal  = "too many unauthenticated connections"
	refusedUnauthSource = "too many unauthenticated connections from one address"
)

// acquire takes a slot for a connection from addr. It returns the slot's
// release (safe to call more than once), or, when there is no slot, why.
func (l *unauthLimiter) acquire(addr net.Addr) (release func(), refused string) {
	src := sourceKey(addr)
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.bySource[src] >= l.perSource:
		return nil, refusedUnauthSource
	case l.total >= l.max:
		return nil, refusedUnauthTotal
	}
	l.total++
	l.bySource[src]++
	var once sync.Once
	return func() { once.Do(func() { l.release(src) }) }, ""
}

func (l *unauthLimiter) release(src string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.bySource[src]--; l.bySource[src] <= 0 {
		delete(l.bySource, src) // the map holds only the sources connecting now
	}
}

// sourceKey is the source a connection from addr counts against: its IPv4
// address, or the /64 of its IPv6 address (one host commonly holds a whole
// /64, so counting single IPv6 addresses would bound nothing).
func sourceKey(addr net.Addr) string {
	var ap netip.AddrPort
	if t, ok := addr.(*net.TCPAddr); ok {
		ap = t.AddrPort()
	} else if p, err := netip.ParseAddrPort(addr.String()); err == nil {
		ap = p
	} else {
		return addr.String()
	}
	ip := ap.Addr().Unmap()
	if ip.Is4() {
		return ip.String()
	}
	p, err := ip.WithZone("").Prefix(64)
	if err != nil {
		return ip.String()
	}
	return p.String()
}
