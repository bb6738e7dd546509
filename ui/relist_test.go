package ui

import (
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// editableList serves /segments/list from a list the test edits (a
// segment created, renamed, deleted in Braze) and the rest from the
// stand-in.
type editableList struct {
	mu    sync.Mutex
	segs  []client.Segment
	lists int // listings: requests for the first page (a cold listing asks several pages at once)
	api   http.Handler
}

func (l *editableList) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/segments/list" {
		l.api.ServeHTTP(w, r)
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	var page []client.Segment
	if r.URL.Query().Get("page") == "" || r.URL.Query().Get("page") == "0" {
		l.lists++
		page = l.segs // fewer than a page: the first page lists them all
	}
	type seg struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Tracked bool     `json:"analytics_tracking_enabled"`
		Tags    []string `json:"tags"`
	}
	out := []seg{}
	for _, s := range page {
		out = append(out, seg{s.ID, s.Name, s.AnalyticsTrackingEnabled, s.Tags})
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"segments": out, "message": "success"})
}

func (l *editableList) edit(f func([]client.Segment) []client.Segment) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.segs = f(l.segs)
}

func TestRelistOnRefreshAndR(t *testing.T) {
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(42, 300),
		Now: func() time.Time { return testNow }})
	edit := &editableList{api: api}
	for _, s := range api.Workspace().Listed()[:20] {
		edit.segs = append(edit.segs, client.Segment{ID: s.ID, Name: s.Name, AnalyticsTrackingEnabled: s.Tracked})
	}
	e := newTestEnvServing(t, api, edit)
	timers := &fakeTimers{e: e}
	m := e.newTestModel(Options{Refresh: 10 * time.Second, Tick: timers.tick})
	start(t, m, 120, 40)
	mustContain(t, screen(m), "20 segments")
	first, second := edit.segs[0], edit.segs[1]
	press(t, m, "space", "down", "space") // select the first two
	// In Braze: the first is renamed, the second deleted, one created.
	extra := api.Workspace().Listed()[25]
	edit.edit(func(s []client.Segment) []client.Segment {
		s[0].Name = "Renamed In Braze"
		s = append(s[:1], s[2:]...)
		return append(s, client.Segment{ID: extra.ID, Name: extra.Name, AnalyticsTrackingEnabled: extra.Tracked})
	})
	// Refreshes every 10 s re-list once the list is a minute old.
	timers.run(t, m, e.now().Add(50*time.Second))
	if edit.lists != 1 {
		t.Fatalf("%d listings in the first 50 s, want 1 (the list is younger than a minute)", edit.lists)
	}
	timers.run(t, m, e.now().Add(20*time.Second))
	if edit.lists != 2 {
		t.Fatalf("%d listings after 70 s, want 2", edit.lists)
	}
	s := screen(m)
	mustContain(t, s, "20 segments", "Renamed In Braze", extra.Name, "1 selected")
	if _, ok := m.list.Lookup(second.ID); ok {
		t.Error("a deleted segment stayed in the list")
	}
	if sel := m.list.Selected(); len(sel) != 1 || sel[0].ID != first.ID || sel[0].Name != "Renamed In Braze" {
		t.Errorf("selection %+v, want only the renamed one", sel)
	}
	// R lists again at once.
	edit.edit(func(s []client.Segment) []client.Segment { return s[:10] })
	e.advance(time.Minute)
	press(t, m, "R")
	if edit.lists != 3 {
		t.Errorf("R did not list again: %d listings", edit.lists)
	}
	mustContain(t, screen(m), "10 segments")
}
