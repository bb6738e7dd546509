package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client/brazetest"
)

// biggest is the tracked segment of the workspace with the largest size
// on the tests' day.
func biggest(t *testing.T, e *testEnv, m *Model) string {
	t.Helper()
	var name string
	var max int64 = -1
	for _, s := range m.list.All() {
		if sum := m.list.Summary(s.ID); s.AnalyticsTrackingEnabled && sum.HasData && sum.Latest > max {
			name, max = s.Name, sum.Latest
		}
	}
	return name
}

// TestSizeOrderCoversTheWorkspace: without a scan the title says how many
// rows the order covers and how to order them all (S); after a scan the
// order covers every row, with the scan's age in the title; the demo
// orders its whole workspace without asking.
func TestSizeOrderCoversTheWorkspace(t *testing.T) {
	e := newTestEnv(t, 3000)
	m := e.newTestModel(Options{})
	start(t, m, 140, 40)
	press(t, m, "s", "s")
	s := screen(m)
	mustContain(t, s, "sorted by size ↓ among", "· S orders all")
	press(t, m, "S", "enter")
	finishScan(t, m)
	press(t, m, "esc")
	e.advance(5 * time.Minute)
	s = screen(m)
	mustContain(t, s, "sorted by size ↓ · scan 5m ago")
	if strings.Contains(s, "loaded of") {
		t.Errorf("after a scan the order still covers loaded rows only:\n%s", s)
	}
	press(t, m, "g")
	if top, first := biggest(t, e, m), strings.Split(screen(m), "\n")[2]; !strings.Contains(first, top) {
		t.Errorf("the largest segment %q is not first: %q", top, first)
	}

	demo := newTestEnvWith(t, brazetest.Options{Workspace: brazetest.NewWorkspace(42, 300)})
	d := demo.newTestModel(Options{Demo: true})
	start(t, d, 140, 40)
	press(t, d, "s", "s", "g")
	s = screen(d)
	if strings.Contains(s, "loaded of") {
		t.Errorf("the demo's size order covers part of it:\n%s", s)
	}
	first := strings.Split(s, "\n")[2]
	if top := biggest(t, demo, d); !strings.Contains(first, top) {
		t.Errorf("the demo's largest segment %q is not first: %q\n%s", top, first, s)
	}
}
