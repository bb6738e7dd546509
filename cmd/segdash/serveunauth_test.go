package main

import (
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/segdash/segdash/cmd/segdash/config"
)

func tcpAddr(ip string) net.Addr { return &net.TCPAddr{IP: net.ParseIP(ip), Port: 40000} }

// TestUnauthLimiterPerSource: one address gets perSource slots and no more,
// while other addresses still get theirs; the global cap still holds over
// many addresses; a release frees the slot once.
func TestUnauthLimiterPerSource(t *testing.T) {
	l := newUnauthLimiter(20, 8)
	var releases []func()
	for i := 0; i < 8; i++ {
		r, why := l.acquire(tcpAddr("203.0.113.7"))
		if why != "" {
			t.Fatalf("slot %d refused: %s", i+1, why)
		}
		releases = append(releases, r)
	}
	if _, why := l.acquire(tcpAddr("203.0.113.7")); why != refusedUnauthSource {
		t.Fatalf("9th from one address: %q, want %q", why, refusedUnauthSource)
	}
	// Another port of the same address, and the same address mapped into
	// IPv6, count against it too.
	if _, why := l.acquire(&net.TCPAddr{IP: net.ParseIP("::ffff:203.0.113.7"), Port: 1}); why != refusedUnauthSource {
		t.Errorf("IPv4-mapped: %q", why)
	}
	for i := 0; i < 12; i++ {
		if _, why := l.acquire(tcpAddr(fmt.Sprintf("198.51.100.%d", i+1))); why != "" {
			t.Fatalf("other address %d refused while the pool has room: %s", i, why)
		}
	}
	if _, why := l.acquire(tcpAddr("192.0.2.1")); why != refusedUnauthTotal {
		t.Fatalf("a 21st slot: %q, want %q", why, refusedUnauthTotal)
	}
	releases[0]()
	releases[0]() // twice frees one slot
	if _, why := l.acquire(tcpAddr("203.0.113.7")); why != "" {
		t.Fatalf("after a release: %s", why)
	}
	if _, why := l.acquire(tcpAddr("192.0.2.1")); why == "" {
		t.Error("a double release freed two slots")
	}
}

func TestSourceKeyIPv6Prefix(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true},
		{"2001:db8:1:2::1", "2001:db8:1:3::1", false},
		{"203.0.113.7", "::ffff:203.0.113.7", true},
		{"203.0.113.7", "203.0.113.8", false},
	} {
		if same := sourceKey(tcpAddr(tc.a)) == sourceKey(tcpAddr(tc.b)); same != tc.same {
			t.Errorf("%s and %s: same source %v, want %v", tc.a, tc.b, same, tc.same)
		}
	}
}

// TestServeBoundsUnauthenticatedPerAddress: eight silent connections from
// one address hold their slots; the ninth is dropped at once although the
// global pool (32) has room, and the log says why.
func TestServeBoundsUnauthenticatedPerAddress(t *testing.T) {
	e := startServe(t, func(f *serveFlags, _ *config.Config) { f.maxUnauth, f.maxUnauthPerIP = 32, 8 })
	for i := 0; i < 8; i++ {
		silentConn(t, e.addr) // each gets the banner: it holds a slot
	}
	ninth, err := net.Dial("tcp", e.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer ninth.Close()
	if !closedByServer(ninth) {
		t.Error("a ninth unauthenticated connection from one address was kept")
	}
	if logs := e.logs.String(); !strings.Contains(logs, "refused: "+refusedUnauthSource) {
		t.Errorf("refusal not logged:\n%s", logs)
	}
}
