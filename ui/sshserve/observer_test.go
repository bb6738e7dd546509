package sshserve

import (
	"testing"

	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// events is an Observer that reports each call on a channel.
type events chan string

func (e events) SessionOpened(ws string) { e <- "session+ " + ws }
func (e events) SessionClosed(ws string) { e <- "session- " + ws }
func (e events) ConnectionOpened()       { e <- "connection+" }
func (e events) ConnectionClosed()       { e <- "connection-" }

func (e events) next(t *testing.T) string {
	t.Helper()
	return receive(t, e, "no observer call")
}

// TestObserverSeesSessionsAndConnections: the observer hears of an
// authenticated connection, of its session in the workspace its user name
// picked, and of both ends.
func TestObserverSeesSessionsAndConnections(t *testing.T) {
	ev := make(events, 8)
	e := startServer(t, func(c *Config) { c.Observer = ev })
	c, err := e.dial("main", e.allowed)
	if err != nil {
		t.Fatal(err)
	}
	if out, code := sshtest.Run(t, c, "check x"); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	c.Close()
	for _, want := range []string{"connection+", "session+ main", "session- main", "connection-"} {
		if got := ev.next(t); got != want {
			t.Errorf("observed %q, want %q", got, want)
		}
	}
}
