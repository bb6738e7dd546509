package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client/brazetest"
)

// TestHungAPIIsAnErrorNotLoading: a series the API does not answer within
// the fetch timeout shows as a timeout with a retry, not as "loading…".
func TestHungAPIIsAnErrorNotLoading(t *testing.T) {
	e := newTestEnv(t, 50)
	m := e.newTestModel(Options{FetchTimeout: 50 * time.Millisecond})
	start(t, m, 140, 40) // the listing is answered at once
	e.api.SetFault(brazetest.Fault{Latency: 3 * time.Second})
	e.advance(time.Minute) // the remembered answer is too old for r
	press(t, m, "r")
	s := screen(m)
	if !strings.Contains(s, "timed out") {
		t.Fatalf("a hung series is not reported:\n%s", s)
	}
	if id := m.list.CursorID(); m.store.Get(id) == nil || m.store.Get(id).Loading {
		t.Errorf("the row is still loading")
	}
}
