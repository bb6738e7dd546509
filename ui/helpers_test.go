package ui

import (
	"fmt"
	"github.com/segdash/segdash/ui/uitest"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// testNow is the fixed clock of the UI tests and of their stand-in API.
var testNow = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

// testEnv is a stand-in API on loopback and a cache in front of it.
type testEnv struct {
	api   *brazetest.Handler
	cache *client.Cache
	clock atomic.Int64 // the cache's clock, unix nanoseconds; tests advance it
}

func (e *testEnv) now() time.Time { return time.Unix(0, e.clock.Load()).UTC() }

// advance moves the cache's clock, so remembered answers age.
func (e *testEnv) advance(d time.Duration) { e.clock.Add(int64(d)) }

// segmentsLabel is the status bar's count of the stand-in's listed
// segments, "288 segments" for the default workspace.
func (e *testEnv) segmentsLabel() string {
	return fmt.Sprintf("%d segments", len(e.api.Workspace().Listed()))
}

func newTestEnv(t testing.TB, segments int) *testEnv {
	t.Helper()
	return newTestEnvWith(t, brazetest.Options{Workspace: brazetest.NewWorkspace(42, segments)})
}

// newTestEnvWith is newTestEnv with the stand-in's options (its clock is
// always the tests' fixed one).
func newTestEnvWith(t testing.TB, o brazetest.Options) *testEnv {
	t.Helper()
	o.Now = func() time.Time { return testNow }
	api := brazetest.NewHandler(o)
	return newTestEnvServing(t, api, api)
}

// newTestEnvServing is a testEnv of api whose requests h serves (api, or
// a handler in front of it).
func newTestEnvServing(t testing.TB, api *brazetest.Handler, h http.Handler) *testEnv {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := client.New(srv.URL, brazetest.DemoKey, client.WithRetries(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	e := &testEnv{api: api}
	e.clock.Store(testNow.UnixNano())
	e.cache = client.NewCache(c, client.CacheOptions{Now: e.now})
	return e
}

// newTestModel is a dashboard on the fixed clock with live refresh off.
func (e *testEnv) newTestModel(o Options) *Model {
	o.Cache = e.cache
	o.Now = e.now // the cache's clock: data ages are the cache's fetch times
	if o.Tick == nil {
		o.Tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil } // no timers
	}
	if o.Theme == "" {
		o.Theme = "dark"
	}
	return New(o)
}

// settle runs cmd and everything it leads to on m (uitest.Settle).
func settle(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	uitest.Settle(t, m, cmd)
}

// start sizes m and runs its start-up until the screen is complete.
func start(t testing.TB, m *Model, w, h int) {
	t.Helper()
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	settle(t, m, cmd)
}

// press sends keys (by their String form) and settles after each.
func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		settle(t, m, cmd)
	}
}

// keyMsg builds the key press whose String() is s.
func keyMsg(s string) tea.KeyPressMsg {
	switch s {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// screen is the rendered view without ANSI.
func screen(m *Model) string { return ansi.Strip(m.render()) }

// cursorRow is the list row under the cursor (marked ›) of a screen.
func cursorRow(screen string) string {
	for l := range strings.SplitSeq(screen, "\n") {
		if strings.HasPrefix(l, "›") {
			return l
		}
	}
	return ""
}

func mustContain(t testing.TB, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
