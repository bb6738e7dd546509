package workspaces

import (
	"maps"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client/brazetest"
)

// uniqueTracked is the n-th tracked segment of s whose name is in no
// other segment's name: a filter on it shows that one row.
func uniqueTracked(t *testing.T, s *standIn, n int) *brazetest.SegmentSpec {
	t.Helper()
	all := s.api.Workspace().Listed()
	for _, seg := range all {
		if !seg.Tracked {
			continue
		}
		unique := true
		for _, o := range all {
			if o != seg && strings.Contains(strings.ToLower(o.Name), strings.ToLower(seg.Name)) {
				unique = false
			}
		}
		if unique {
			if n == 0 {
				return seg
			}
			n--
		}
	}
	t.Fatal("no such segment in the stand-in")
	return nil
}

// twoSame are two stand-in workspaces holding the same segments (the US
// and EU instances of one app) under different keys, on a dashboard at
// 140×40 showing the first.
func twoSame(t *testing.T) (m *Model, us, eu *standIn) {
	t.Helper()
	us = newStandIn(t, "us", "key-us", 7, 20)
	eu = newStandIn(t, "eu", "key-eu", 7, 20)
	m = New([]Workspace{us.workspace(t), eu.workspace(t)}, 0, func() time.Time { return testNow })
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	settle(t, m, cmd)
	return m, us, eu
}

// selectNamed filters the list on screen to seg's name, selects it and
// clears the filter.
func selectNamed(t *testing.T, m *Model, seg *brazetest.SegmentSpec) {
	t.Helper()
	press(t, m, "/")
	press(t, m, strings.Split(seg.Name, "")...)
	press(t, m, "enter", "space", "esc")
}

func (s *standIn) seriesAsked() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.series)
}

// TestSelectionSpansWorkspaces: the same segment selected in us and in eu
// is charted side by side, each line named by its workspace; the window
// on screen applies to both, the workspace off screen asking its own API,
// with its own key, for its selection only.
func TestSelectionSpansWorkspaces(t *testing.T) {
	m, us, eu := twoSame(t)
	seg := uniqueTracked(t, us, 3)
	selectNamed(t, m, seg)
	press(t, m, "K")
	mustContain(t, screen(m), "1 selected") // the picker says where the selection is
	press(t, m, "down", "enter")
	selectNamed(t, m, seg)
	short := seg.Name[:min(len(seg.Name), 12)]
	got := screen(m)
	mustContain(t, got, "eu · "+eu.url, "comparing 2 segments of 2 workspaces", "us · "+short, "eu · "+short,
		"2 selected in 2 workspaces")
	inOrder(t, got, "us · "+short, "eu · "+short) // the workspaces' order, whichever is on screen

	before := us.seriesAsked()
	press(t, m, "3") // 90 days, on eu's screen
	mustContain(t, screen(m), "90 days to now", "us · "+short)
	asked := us.seriesAsked()
	if asked[seg.ID] <= before[seg.ID] {
		t.Fatalf("us was not asked for the selected segment's 90 days: %v then %v", before, asked)
	}
	for id, n := range asked {
		if id != seg.ID && n != before[id] {
			t.Errorf("us, off screen, was asked for %s (not selected): %d requests", id, n-before[id])
		}
	}
	for _, s := range []*standIn{us, eu} {
		if h := s.headers(); len(h) != 1 || h["Bearer "+s.key] == 0 {
			t.Errorf("%s's server saw Authorization %v; want only its own key", s.name, mask(h))
		}
	}

	// Back on us: its own 30-day window, eu's segment beside it.
	press(t, m, "K", "up", "enter")
	got = screen(m)
	mustContain(t, got, "us · "+us.url, "30 days to now", "eu · "+short, "2 selected in 2 workspaces")
	inOrder(t, got, "us · "+short, "eu · "+short)
}

// inOrder fails unless a comes before b on screen.
func inOrder(t *testing.T, screen, a, b string) {
	t.Helper()
	if i, j := strings.Index(screen, a), strings.Index(screen, b); i < 0 || j < 0 || i > j {
		t.Fatalf("want %q before %q:\n%s", a, b, screen)
	}
}

// TestClearSelectionClearsEveryWorkspace: x on one workspace's screen
// clears the whole selection, the part in the other workspace too.
func TestClearSelectionClearsEveryWorkspace(t *testing.T) {
	m, us, _ := twoSame(t)
	seg := uniqueTracked(t, us, 2)
	selectNamed(t, m, seg)
	press(t, m, "K", "down", "enter")
	mustContain(t, screen(m), "1 selected in us")
	press(t, m, "x")
	if got := screen(m); strings.Contains(got, "selected") || strings.Contains(got, "us · "+seg.Name[:8]) {
		t.Fatalf("after x the selection in us is still charted:\n%s", got)
	}
	press(t, m, "K", "up", "enter")
	if got := screen(m); strings.Contains(got, "selected") {
		t.Fatalf("us still has a selection after x on eu:\n%s", got)
	}
}

// TestFocusHidesOtherWorkspaces: enter (one segment in focus) charts the
// cursor's segment alone, without the other workspaces' selections.
func TestFocusHidesOtherWorkspaces(t *testing.T) {
	m, us, _ := twoSame(t)
	seg := uniqueTracked(t, us, 1)
	selectNamed(t, m, seg)
	press(t, m, "K", "down", "enter")
	mustContain(t, screen(m), "comparing 2 segments of 2 workspaces", "us · "+seg.Name[:8])
	press(t, m, "enter")
	if got := screen(m); strings.Contains(got, "comparing") || strings.Contains(got, "us · "+seg.Name[:8]) {
		t.Fatalf("focus still compares with us's selection:\n%s", got)
	}
}

// TestQuitSavesEveryWorkspace: q on one workspace's screen saves the data
// of every workspace opened, not only the one on screen; a workspace off
// screen, with a selection lent to the screen, saves every row its own
// screen showed, not only its selection.
func TestQuitSavesEveryWorkspace(t *testing.T) {
	m, us, eu := twoSame(t)
	selectNamed(t, m, uniqueTracked(t, us, 0))
	press(t, m, "K", "down", "enter", "3") // eu, then a 90-day window lent to us
	runUntilQuit(t, m, tea.KeyPressMsg{Code: 'q', Text: "q"})
	for _, s := range []*standIn{us, eu} {
		s.mu.Lock()
		n, saved := s.saves, s.saved
		s.mu.Unlock()
		if n != 1 {
			t.Errorf("%s saved its data %d times on quit; want 1", s.name, n)
		}
		if saved < 10 {
			t.Errorf("%s saved %d series; want every row its screen showed (10 or more)", s.name, saved)
		}
	}
}

// TestPickerSaysWhyAWorkspaceHasNoData: a workspace whose key is refused
// says so in the picker, in full under its line, not "listing…".
func TestPickerSaysWhyAWorkspaceHasNoData(t *testing.T) {
	us := newStandIn(t, "us", "key-us", 7, 20)
	eu := newStandIn(t, "eu", "key-eu", 7, 20)
	eu.key = "key-not-eu" // the key eu's dashboard sends is refused
	m := New([]Workspace{us.workspace(t), eu.workspace(t)}, 0, func() time.Time { return testNow })
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	settle(t, m, cmd)
	press(t, m, "K", "down", "enter", "K")
	got := screen(m)
	mustContain(t, got, "no list", "! ")
	if !strings.Contains(strings.ToLower(got), "api key") {
		t.Fatalf("the picker does not say eu's key was refused:\n%s", got)
	}
}

// TestSaveWatchlistSaysWhichPart: W with segments selected in two
// workspaces says it saves the part of the workspace on screen (a
// watchlist belongs to one workspace), and with none selected there, says
// that rather than "select segments first".
func TestSaveWatchlistSaysWhichPart(t *testing.T) {
	m, us, _ := twoSame(t)
	selectNamed(t, m, uniqueTracked(t, us, 0))
	press(t, m, "K", "down", "enter", "W")
	mustContain(t, screen(m), "nothing is selected in eu")
	selectNamed(t, m, uniqueTracked(t, us, 1))
	press(t, m, "W")
	mustContain(t, screen(m), "W saves the 1 selected in eu only")
	press(t, m, "m", "i", "x", "enter")
	mustContain(t, screen(m), "saved watchlist mix in eu (1 segment)")
}
