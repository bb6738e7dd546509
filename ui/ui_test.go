package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/ui/output"
)

func TestKeyMsgHelper(t *testing.T) {
	for _, k := range []string{"space", "enter", "esc", "down", "up", "backspace", "ctrl+c", "j", "/", "?", "R"} {
		if got := keyMsg(k).String(); got != k {
			t.Errorf("keyMsg(%q).String() = %q", k, got)
		}
	}
}

func TestStartListsAndCharts(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	s := screen(m)
	first := e.api.Workspace().Listed()[0]
	mustContain(t, s, output.SafeText(first.Name), "SIZE", "CHANGE", e.segmentsLabel(), "latest", "estimated daily size")
	// Only what is on screen (and a little ahead) is fetched.
	if n := e.api.Requests("data_series"); n == 0 || n > int64(m.list.Page()+lookahead+1) {
		t.Errorf("%d series requests for %d rows on screen", n, m.list.Page())
	}
	if n := e.api.Requests("list"); n < 3 || n > 7 {
		t.Errorf("list requests = %d, want 3 pages (and at most 4 fetched ahead)", n)
	}
}

func TestLoadingIsNotEmpty(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Init() // the listing starts but nothing has come back
	s := screen(m)
	if strings.Contains(s, "no segments") {
		t.Fatalf("says no segments while loading:\n%s", s)
	}
	mustContain(t, s, "loading segments…")
	m.Update(segmentsProgressMsg{gen: m.cat.gen, n: 3200})
	mustContain(t, screen(m), "loading segments… 3,200")
}

func TestFilterSelectCompare(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	press(t, m, "/", "c", "h", "u", "r", "n")
	if m.list.Visible() == 0 || m.list.Visible() >= m.list.Len() {
		t.Fatalf("filter churn: %d of %d visible", m.list.Visible(), m.list.Len())
	}
	press(t, m, "enter", "space", "down", "space")
	s := screen(m)
	mustContain(t, s, "comparing 2 segments", "2 selected", "filter: churn")
	sel := m.list.Selected()
	for _, seg := range sel {
		if !strings.Contains(strings.ToLower(seg.Name), "churn") {
			t.Errorf("selected %q does not match the filter", seg.Name)
		}
		mustContain(t, s, "■ "+output.SafeText(seg.Name)[:5])
	}
	press(t, m, "n")
	mustContain(t, screen(m), "indexed to 100")
	press(t, m, "enter") // focus one: the cursor's segment alone
	mustContain(t, screen(m), "latest")
	press(t, m, "esc", "x")
	if len(m.list.Selected()) != 0 || m.list.Filter() != "churn" {
		t.Errorf("esc/x: selection %d, filter %q", len(m.list.Selected()), m.list.Filter())
	}
	press(t, m, "esc")
	if m.list.Filter() != "" {
		t.Errorf("esc did not clear the filter")
	}
}

func TestTagFilterAndSort(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	press(t, m, "T", "enter") // the picker's first tag: the most used
	if !strings.HasPrefix(m.list.Filter(), "tag:") {
		t.Fatalf("T set filter %q", m.list.Filter())
	}
	tag := strings.TrimPrefix(m.list.Filter(), "tag:")
	for _, seg := range m.list.OnScreen(0) {
		found := false
		for _, t2 := range seg.Tags {
			found = found || strings.EqualFold(t2, tag)
		}
		if !found {
			t.Errorf("%q lacks tag %q", seg.Name, tag)
		}
	}
	press(t, m, "esc", "s", "s") // created → name → size
	if m.list.Sort().String() != "size" {
		t.Fatalf("sort = %s", m.list.Sort())
	}
	rows := m.list.OnScreen(0)
	prev := int64(1 << 62)
	for _, r := range rows {
		sum := m.list.Summary(r.ID)
		if !sum.HasData {
			continue
		}
		if sum.Latest > prev {
			t.Fatalf("not sorted by size: %d after %d", sum.Latest, prev)
		}
		prev = sum.Latest
	}
}

func TestWindowKeysAndStaleReplies(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	press(t, m, "1")
	s := screen(m)
	mustContain(t, s, "7 days to now", "7d ")
	press(t, m, "[")
	mustContain(t, screen(m), "7 days to 2026-11-08")
	press(t, m, "]")
	mustContain(t, screen(m), "7 days to now")
	// A reply for a window no longer shown is dropped.
	cur := m.list.CursorID()
	old := client.SeriesKey{SegmentID: cur, Length: 90}
	m.Update(seriesLoadedMsg{key: old, token: m.store.Begin(old), series: &client.Series{Points: []client.Point{{Size: 1}}}})
	if _, ok := m.store.State(old); ok {
		t.Errorf("a reply for another window was kept")
	}
	// And a reply from an older fetch of the same key too.
	k := m.store.Key(cur)
	before := m.store.Get(cur).Series
	older := m.store.Begin(k)
	m.store.Begin(k)
	m.Update(seriesLoadedMsg{key: k, token: older, series: &client.Series{}})
	if m.store.Get(cur).Series != before {
		t.Errorf("an older fetch overwrote a newer one")
	}
}

func TestErrorShownDataKeptAndRecovered(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	for seg, _ := m.list.Cursor(); !seg.AnalyticsTrackingEnabled; seg, _ = m.list.Cursor() {
		press(t, m, "down")
	}
	cur := m.list.CursorID()
	e.api.SetSegmentFault(cur, brazetest.Fault{Status: 500, Message: "upstream hiccup"})
	e.advance(time.Minute) // the remembered answer is old enough for r to re-ask
	press(t, m, "r")
	s := screen(m)
	mustContain(t, s, "upstream hiccup", "showing the last good data", "latest")
	// The cursor's row marks its size stale: "!" before the number (the
	// footer's "!" says nothing about the row).
	if row := cursorRow(s); !regexp.MustCompile(`!\d`).MatchString(row) {
		t.Errorf("row not marked: %q", row)
	}
	e.api.SetSegmentFault(cur, brazetest.Fault{})
	press(t, m, "r") // errors are not remembered: this asks again at once
	s = screen(m)
	if strings.Contains(s, "upstream hiccup") {
		t.Fatalf("error still shown after recovery:\n%s", s)
	}
}
