package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/segdash/segdash/client/brazetest"
)

// TestFlowInARealProgram drives the dashboard through a real Bubble Tea
// program as a person would: start, see names, filter, select two, compare,
// refresh, see an API error and its recovery, quit.
func TestFlowInARealProgram(t *testing.T) {
	e := newTestEnv(t, 300)
	m := New(Options{Cache: e.cache, Now: e.now, Theme: "dark"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor := func(what ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			for _, w := range what {
				if !bytes.Contains(b, []byte(w)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	waitFor(e.segmentsLabel(), "VIP", "Win-back")

	tm.Type("/churn")
	waitFor("Churn Risk")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
	tm.Send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	// The renderer sends only what changed, so wait for text that is new.
	waitFor("comparing 2 segments", "■ Churn")

	// An API error on one of them: shown, the last good data kept.
	var victim string
	for _, s := range e.api.Workspace().Listed() {
		if strings.Contains(s.Name, "Churn") && s.Tracked {
			victim = s.ID
			break
		}
	}
	e.api.SetSegmentFault(victim, brazetest.Fault{Status: 503, Message: "try later"})
	e.advance(time.Minute)
	tm.Type("R")
	waitFor("try later (HTTP 503)")

	// The API heals; the next refresh recovers on its own.
	e.api.SetSegmentFault(victim, brazetest.Fault{})
	tm.Type("R")
	waitFor("fetched now")

	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if len(final.list.Selected()) != 2 {
		t.Errorf("selection lost: %d", len(final.list.Selected()))
	}
	for _, seg := range final.list.Selected() {
		if st := final.store.Get(seg.ID); st == nil || st.Err != nil {
			t.Errorf("%s not recovered: %+v", seg.ID, st)
		}
	}
}
