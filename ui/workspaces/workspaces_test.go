package workspaces

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/uitest"
)

var testNow = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

// standIn is one stand-in workspace with its own key; it records the
// Authorization header of every request it gets.
type standIn struct {
	name, key string
	api       *brazetest.Handler
	url       string
	mu        sync.Mutex
	auth      map[string]int
	series    map[string]int // data_series requests by segment id

	saves  int // snapshots saved
	saved  int // series in the last snapshot saved
	opened int
	onSave func() // called on each save, under mu
}

func newStandIn(t *testing.T, name, key string, seed int64, segments int) *standIn {
	t.Helper()
	s := &standIn{name: name, key: key, auth: map[string]int{}, series: map[string]int{}}
	s.api = brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(seed, segments),
		Keys: map[string][]string{key: brazetest.AllPermissions()}, Now: func() time.Time { return testNow }})
	s.api.OnRequest(func(r *http.Request) {
		s.mu.Lock()
		s.auth[r.Header.Get("Authorization")]++
		if r.URL.Path == "/segments/data_series" {
			s.series[r.URL.Query().Get("segment_id")]++
		}
		s.mu.Unlock()
	})
	srv := httptest.NewServer(s.api)
	t.Cleanup(srv.Close)
	s.url = srv.URL
	return s
}

// workspace is the picker's entry for s, opening a dashboard over a
// client and cache of its own.
func (s *standIn) workspace(t *testing.T) Workspace {
	return Workspace{Name: s.name, Endpoint: s.url, Open: func() (*ui.Model, error) {
		s.opened++
		c, err := client.New(s.url, s.key, client.WithRetries(0, 0))
		if err != nil {
			return nil, err
		}
		cache := client.NewCache(c, client.CacheOptions{Now: func() time.Time { return testNow }})
		return ui.New(ui.Options{Cache: cache, Now: func() time.Time { return testNow }, Theme: "dark",
			Source: s.name + " · " + s.url, Length: 30,
			SaveWatchlist: func(string, []client.Segment) error { return nil },
			SaveSnapshot: func(snap *snapshot.Snapshot) error {
				s.mu.Lock()
				defer s.mu.Unlock()
				s.saves++
				s.saved = len(snap.Series)
				if s.onSave != nil {
					s.onSave()
				}
				return nil
			},
			Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}), nil
	}}
}

// headers is what s's Authorization headers were, with their counts.
func (s *standIn) headers() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.auth {
		out[k] = v
	}
	return out
}

// settle runs cmd and everything it leads to on m (uitest.Settle).
func settle(t *testing.T, m *Model, cmd tea.Cmd) {
	t.Helper()
	uitest.Settle(t, m, cmd)
}

func press(t *testing.T, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "up":
			msg = tea.KeyPressMsg{Code: tea.KeyUp}
		case "space":
			msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		default:
			msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		}
		_, cmd := m.Update(msg)
		settle(t, m, cmd)
	}
}

func screen(m *Model) string { return ansi.Strip(m.View().Content) }

func mustContain(t *testing.T, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

// TestPickerSwitchesAndKeepsEachWorkspace: K opens the picker, enter
// switches; the first workspace's filter and selection are there again
// after a visit to the second; each workspace's requests go to its own
// server with its own key only.
func TestPickerSwitchesAndKeepsEachWorkspace(t *testing.T) {
	us := newStandIn(t, "us", "key-us", 1, 30)
	eu := newStandIn(t, "eu", "key-eu", 2, 40)
	m := New([]Workspace{us.workspace(t), eu.workspace(t)}, 0, func() time.Time { return testNow })
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	settle(t, m, cmd)
	mustContain(t, screen(m), "us · "+us.url)
	if eu.opened != 0 {
		t.Fatalf("eu opened before it was shown")
	}

	// A filter and a selection in us.
	word := strings.Fields(us.api.Workspace().Listed()[0].Name)[0]
	press(t, m, "/")
	press(t, m, strings.Split(word, "")...)
	press(t, m, "enter", "space")
	before := screen(m)
	mustContain(t, before, "filter: "+word, "1 selected")

	usCount := fmt.Sprintf("%d segments", len(us.api.Workspace().Listed()))
	euCount := fmt.Sprintf("%d segments", len(eu.api.Workspace().Listed()))
	press(t, m, "K")
	mustContain(t, screen(m), "workspaces", "not opened yet", usCount)
	press(t, m, "down", "enter")
	onEU := screen(m)
	// eu has its own list and filter; us's selection is charted beside
	// eu's cursor, named by its workspace.
	mustContain(t, onEU, "eu · "+eu.url, "1 selected in us", "us · "+word)
	if strings.Contains(onEU, "filter: "+word) {
		t.Fatalf("eu shows us's filter:\n%s", onEU)
	}

	press(t, m, "K")
	mustContain(t, screen(m), usCount, euCount)
	press(t, m, "up", "enter")
	if after := screen(m); after != before {
		t.Fatalf("us after a visit to eu:\n%s\nwant as before:\n%s", after, before)
	}
	if us.opened != 1 || eu.opened != 1 {
		t.Fatalf("opened us %d, eu %d times; want once each", us.opened, eu.opened)
	}

	for _, s := range []*standIn{us, eu} {
		h := s.headers()
		if len(h) != 1 || h["Bearer "+s.key] == 0 {
			t.Errorf("%s's server saw Authorization %v; want only its own key", s.name, mask(h))
		}
	}
}

// mask shows which test key a header carried, never the header itself.
func mask(h map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range h {
		out[strings.TrimPrefix(k, "Bearer key-")] = v
	}
	return out
}

// TestPickerLeavesTypingAlone: K typed in the filter is a letter of the
// filter, not the picker; esc closes the picker.
func TestPickerLeavesTypingAlone(t *testing.T) {
	us := newStandIn(t, "us", "key-us", 1, 40)
	eu := newStandIn(t, "eu", "key-eu", 2, 5)
	m := New([]Workspace{us.workspace(t), eu.workspace(t)}, 0, nil)
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	settle(t, m, cmd)
	press(t, m, "/", "K")
	if m.picker.open || !strings.Contains(screen(m), "/K") {
		t.Fatalf("K in the filter opened the picker:\n%s", screen(m))
	}
	press(t, m, "esc", "esc")
	before := screen(m)
	press(t, m, "K")
	if !m.picker.open {
		t.Fatal("K did not open the picker")
	}
	// The dashboard under the picker takes no mouse: it is not on screen.
	for range 3 {
		_, cmd := m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 5, Y: 5})
		settle(t, m, cmd)
	}
	press(t, m, "esc")
	if m.picker.open || m.active != 0 {
		t.Fatalf("esc: picker open %v, active %d", m.picker.open, m.active)
	}
	if after := screen(m); after != before {
		t.Fatalf("the wheel under the picker moved the dashboard:\n%s\nwas:\n%s", after, before)
	}
}
