package ui

import (
	"encoding/csv"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
)

func TestThemeFollowsBackground(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Theme: "auto"})
	start(t, m, 120, 40)
	if m.c.Styles.Theme.Name != "dark" {
		t.Fatalf("default before an answer: %s", m.c.Styles.Theme.Name)
	}
	m.Update(tea.BackgroundColorMsg{Color: color.RGBA{R: 250, G: 250, B: 250, A: 255}})
	if m.c.Styles.Theme.Name != "light" {
		t.Errorf("light background gave %s", m.c.Styles.Theme.Name)
	}
	fixed := e.newTestModel(Options{Theme: "ocean"})
	fixed.Update(tea.BackgroundColorMsg{Color: color.White})
	if fixed.c.Styles.Theme.Name != "ocean" {
		t.Errorf("a named theme changed with the background: %s", fixed.c.Styles.Theme.Name)
	}
}

func TestNoColorRendersNoColour(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{NoColor: true, Theme: "auto"})
	start(t, m, 120, 40)
	press(t, m, "space", "down", "space")
	out := m.render()
	for _, sgr := range []string{"[38;", "[48;", "[31m", "[32m", "[33m", "[34m", "[35m", "[36m", "[90m"} {
		if strings.Contains(out, sgr) {
			t.Fatalf("NO_COLOR screen has colour %q", sgr)
		}
	}
	// Without colour each series has its own marker, the sample of its line.
	mustContain(t, screen(m), "comparing 2 segments", "── ", "━━ ")
}

func TestMouse(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	if m.View().MouseMode != tea.MouseModeCellMotion {
		t.Fatal("mouse not captured by default")
	}
	l := m.layoutFor()
	_, cmd := m.Update(tea.MouseClickMsg{X: 5, Y: l.listY + 4, Button: tea.MouseLeft})
	settle(t, m, cmd)
	if m.list.CursorIndex() != 3 {
		t.Errorf("click on the 4th row put the cursor on %d", m.list.CursorIndex())
	}
	_, cmd = m.Update(tea.MouseWheelMsg{X: 5, Y: l.listY + 2, Button: tea.MouseWheelDown})
	settle(t, m, cmd)
	if m.list.Offset() != 3 {
		t.Errorf("wheel scrolled to %d", m.list.Offset())
	}
	press(t, m, "m")
	if m.View().MouseMode != tea.MouseModeNone {
		t.Error("m did not release the mouse")
	}
	mustContain(t, screen(m), "mouse off")
}

func TestCopyAndExport(t *testing.T) {
	e := newTestEnv(t, 300)
	dir := t.TempDir()
	m := e.newTestModel(Options{ExportDir: dir})
	start(t, m, 120, 40)
	press(t, m, "down", "space", "down", "space")
	cmd := m.exportCmd(true)
	if cmd == nil {
		t.Fatal("no copy command")
	}
	data, n, _ := m.chartCSV()
	if n != 60 || !strings.HasPrefix(string(data), "segment_id,segment_name,date,size\n") {
		t.Errorf("clipboard CSV: %d rows\n%.200s", n, data)
	}
	if !strings.Contains(m.status.Notice(), "copied 60 rows") {
		t.Errorf("notice %q", m.status.Notice())
	}
	press(t, m, "e")
	mustContain(t, screen(m), "wrote "+dir)
	files, _ := filepath.Glob(filepath.Join(dir, "segdash-compare-30d-*.csv"))
	if len(files) != 1 {
		t.Fatalf("exported files: %v", files)
	}
	f, _ := os.Open(files[0])
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 61 {
		t.Errorf("export: %d rows, %v", len(rows), err)
	}
	press(t, m, "e") // never overwrites
	files, _ = filepath.Glob(filepath.Join(dir, "segdash-compare-30d-*.csv"))
	if len(files) != 2 {
		t.Errorf("second export: %v", files)
	}
	off := e.newTestModel(Options{})
	start(t, off, 120, 40)
	press(t, off, "e")
	if !strings.Contains(off.status.Notice(), "export is off") {
		t.Errorf("export without a directory: %q", off.status.Notice())
	}
}

func TestDetailsHelpAndDemo(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Demo: true})
	start(t, m, 140, 40)
	mustContain(t, screen(m), "DEMO", "BRAZE_API_KEY")
	press(t, m, "down", "d")
	seg, _ := m.list.Cursor()
	spec, _ := e.api.Workspace().Lookup(seg.ID)
	mustContain(t, screen(m), "description", spec.Description, "created", "esc or d closes")
	press(t, m, "esc")
	mustContain(t, screen(m), "latest")
	press(t, m, "?")
	mustContain(t, screen(m), "segdash keys", "normalise", "copy CSV", "mouse on/off")
	press(t, m, "esc")
	mustContain(t, screen(m), "latest")
}

func TestQuit(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s does not quit", k)
		}
	}
}

// TestQuitFromEveryOverlay: q quits from the help, the details and the
// scan's answer alike, as the footer's "q quit" says (esc closes them).
func TestQuitFromEveryOverlay(t *testing.T) {
	e := newTestEnv(t, 300)
	for _, open := range [][]string{{"?"}, {"d"}, {"S"}, {"S", "enter"}} {
		m := e.newTestModel(Options{})
		start(t, m, 120, 40)
		press(t, m, open...)
		if len(open) == 2 {
			finishScan(t, m)
		}
		_, cmd := m.Update(keyMsg("q"))
		if cmd == nil {
			t.Fatalf("q after %v: no command", open)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("q after %v does not quit:\n%s", open, screen(m))
		}
	}
}

// TestServedDashboardSaysWhatIsOffAndWhoseKey: with no export folder and
// no watchlist saving (as over SSH), the help marks e and W off here; a
// demo's title carries the note it is given instead of how to set a key.
func TestServedDashboardSaysWhatIsOffAndWhoseKey(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Demo: true, DemoNote: "the server has no API key"})
	start(t, m, 120, 40)
	mustContain(t, screen(m), "demo data · the server has no API key")
	press(t, m, "?")
	mustContain(t, screen(m), "export CSV (off here; y copies)", "save selection as watchlist (off here)")
	local := e.newTestModel(Options{Demo: true, ExportDir: t.TempDir(), SaveWatchlist: func(string, []client.Segment) error { return nil }})
	start(t, local, 120, 40)
	mustContain(t, screen(local), "set BRAZE_API_KEY")
	press(t, local, "?")
	if s := screen(local); strings.Contains(s, "off here") {
		t.Errorf("keys marked off where they work:\n%s", s)
	}
}

func TestStartupNotice(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{Notice: "warning: snapshot set aside"})
	start(t, m, 120, 40)
	mustContain(t, screen(m), "warning: snapshot set aside")
}

// TestHelpScrollsOnSmallTerminals: at the minimum size the help does not
// fit; it scrolls to its last line instead of cutting it.
func TestHelpScrollsOnSmallTerminals(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, MinWidth, MinHeight)
	press(t, m, "?")
	if s := screen(m); strings.Contains(s, "q quit") || !strings.Contains(s, "scroll") {
		t.Fatalf("setup: the help fits, or says nothing of scrolling:\n%s", s)
	}
	seen := screen(m)
	for range 20 { // past the end: the viewport stops at the last line
		_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
		settle(t, m, cmd)
		seen += screen(m)
	}
	// Every line is reached on the way, every column's keys included.
	mustContain(t, seen, "q   quit", "esc back", "K   pick a workspace", "space select", "scan the workspace", "only alerted segments", "save selection as watchlist", "export CSV")
	mustContain(t, screen(m), "segdash keys", "with a workspace column.")
	press(t, m, "esc")
	mustContain(t, screen(m), "NAME")
}
