package main

import (
	"net"
	"strings"
	"testing"

	"github.com/segdash/segdash/cmd/segdash/config"
)

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
	if logs := e.logs.String(); !strings.Contains(logs, "refused: too many unauthenticated connections from one address") {
		t.Errorf("refusal not logged:\n%s", logs)
	}
}
