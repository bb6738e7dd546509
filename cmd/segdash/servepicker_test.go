package main

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// wsDashboard is a dashboard session on a wsServer, in a 40×120 PTY.
type wsDashboard struct {
	s     *gossh.Session
	keys  io.Writer
	out   *sshtest.Buffer
	width int
}

// dashboard opens user's dashboard with signer.
func (e *wsServer) dashboard(t *testing.T, user string, signer gossh.Signer) *wsDashboard {
	t.Helper()
	c, err := sshtest.Dial(e.addr, user, signer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	d := &wsDashboard{s: s, out: &sshtest.Buffer{}, width: 120}
	if err := s.RequestPty("xterm-256color", 40, d.width, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if d.keys, err = s.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	s.Stdout, s.Stderr = d.out, d.out
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	// No resize before the dashboard draws: the SSH library writes the
	// window size a resize brings without a lock, while the session's
	// handlers still read it (they are done once the program writes).
	d.screen(t, "a first frame", nil)
	return d
}

// press types keys, one at a time.
func (d *wsDashboard) press(t *testing.T, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(d.keys, k); err != nil {
			t.Fatal(err)
		}
	}
}

// screen waits until a whole frame satisfies ok and returns its text;
// with ok nil, until the session wrote anything.
// Bubble Tea draws only what changed since the last frame, so a resize
// (it redraws every cell) comes before each look: the text after it is a
// whole screen, not a diff. The width alternates between 120 and 121.
func (d *wsDashboard) screen(t *testing.T, what string, ok func(frame string) bool) string {
	t.Helper()
	if ok == nil {
		// 30 s: a hang detector, generous under -race and load.
		if d.out.WaitFor(30*time.Second, func(out string) bool { return out != "" }) {
			return d.out.String()
		}
		t.Fatalf("no %s: the session wrote nothing", what)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		mark := len(d.out.String())
		d.width = 241 - d.width
		if err := d.s.WindowChange(40, d.width); err != nil {
			t.Fatal(err)
		}
		// Look at every write after this redraw; after 2 s without the
		// frame, resize again: the frame may be the one before the keys
		// took effect.
		var frame string
		if d.out.WaitFor(2*time.Second, func(out string) bool {
			frame = ansi.Strip(out[mark:])
			return ok(frame)
		}) {
			return frame
		}
	}
	t.Fatalf("no %s in the session's output:\n%s", what, ansi.Strip(d.out.String()))
	return ""
}

// onlyNames are the names of a's listed segments that no segment of b has
// and that no name of b contains, so that seeing one on screen means a's
// data.
func onlyNames(a, b *standIn) []string {
	var out []string
	for _, s := range a.h.Workspace().Listed() {
		mine := s.Name == ansi.Strip(s.Name) && len(s.Name) > 4
		for _, o := range b.h.Workspace().Segments {
			mine = mine && !strings.Contains(o.Name, s.Name)
		}
		if mine {
			out = append(out, s.Name)
		}
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestServePickerOffersAllowedWorkspaces: a key allowed in us and eu gets
// the workspace picker (K) over both over SSH, starting on the workspace
// its user name picked; eu, picked, shows eu's data from eu's server with
// eu's key, on eu's shared cache.
func TestServePickerOffersAllowedWorkspaces(t *testing.T) {
	e := startWorkspaceServe(t, true, false)
	euNames := onlyNames(e.eu, e.us)
	if len(euNames) == 0 {
		t.Fatal("the stand-ins share every name")
	}
	d := e.dashboard(t, "us", e.bothSigner)
	d.screen(t, "us's dashboard", func(f string) bool { return strings.Contains(f, "us · "+e.us.url) })
	if n := e.eu.h.Requests(""); n != 0 {
		t.Fatalf("eu got %d requests before it was picked", n)
	}
	d.press(t, "K")
	picker := d.screen(t, "the picker with us and eu", func(f string) bool {
		return strings.Contains(f, "enter switch") && strings.Contains(f, e.us.url) && strings.Contains(f, e.eu.url)
	})
	down := "j" // the cursor starts on us
	if strings.Index(picker, e.eu.url) < strings.Index(picker, e.us.url) {
		down = "k"
	}
	d.press(t, down, "\r")
	d.screen(t, "eu's dashboard with eu's segments", func(f string) bool {
		return strings.Contains(f, "eu · "+e.eu.url) && containsAny(f, euNames)
	})
	if e.eu.auth.get("Bearer "+euKey) == 0 {
		t.Error("eu's server never heard eu's key")
	}
	noCrossedKeys(t, e.us, e.eu)
	// The picker's eu is on eu's shared cache: a session of eu opened
	// now lists from it and costs eu no new listing.
	lists := e.eu.h.Requests("list")
	other := e.dashboard(t, "eu", e.euSigner)
	other.screen(t, "eu's segments in a second session", func(f string) bool { return containsAny(f, euNames) })
	if n := e.eu.h.Requests("list"); n != lists {
		t.Errorf("a second session of eu listed again (%d → %d list requests): the picker's eu is not on the shared cache", lists, n)
	}
}

// TestServePickerHidesForbiddenWorkspaces: a key allowed in us only gets
// us's dashboard alone, as before the picker: K opens nothing, eu's name,
// server and segments never reach the session, and eu's server hears
// nothing from it.
func TestServePickerHidesForbiddenWorkspaces(t *testing.T) {
	e := startWorkspaceServe(t, true, false)
	euNames := onlyNames(e.eu, e.us)
	d := e.dashboard(t, "us", e.usSigner)
	d.screen(t, "us's dashboard", func(f string) bool { return strings.Contains(f, "us · "+e.us.url) })
	// K, then help: once help is on screen, K was handled.
	d.press(t, "K", "?")
	f := d.screen(t, "the help or a picker", func(f string) bool {
		return strings.Contains(f, "refresh less often") || strings.Contains(f, "enter switch")
	})
	if strings.Contains(f, "enter switch") {
		t.Fatalf("a key allowed in us only got a picker:\n%s", f)
	}
	d.press(t, "?")
	d.screen(t, "us's dashboard again", func(f string) bool { return strings.Contains(f, "us · "+e.us.url) })
	all := ansi.Strip(d.out.String())
	for _, leak := range append([]string{e.eu.url, "eu · ", "enter switch"}, euNames...) {
		if strings.Contains(all, leak) {
			t.Errorf("the us-only session showed %q", leak)
		}
	}
	if n := e.eu.h.Requests(""); n != 0 {
		t.Errorf("eu's server got %d requests from a session of a key not allowed in eu", n)
	}
	if strings.Contains(e.logs.String(), "workspaces offered") {
		t.Errorf("a one-workspace key was offered a picker:\n%s", e.logs.String())
	}
}
