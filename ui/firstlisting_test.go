package ui

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui/components/segmentlist"
	"github.com/segdash/segdash/ui/output"
)

// pageGate serves /segments/list one page per token the test sends, the
// rest (series) at once: the test decides when each page arrives.
type pageGate struct {
	api  http.Handler
	open chan struct{}
	stop chan struct{} // closed when the test ends: pages still asked fail
}

func (g *pageGate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/segments/list" {
		select {
		case <-g.open:
		case <-g.stop:
			return
		case <-r.Context().Done():
			return
		}
	}
	g.api.ServeHTTP(w, r)
}

// pagedListing is a dashboard whose first listing the test drives page by
// page: the listing's messages come through msgs, in order.
type pagedListing struct {
	e    *testEnv
	gate *pageGate
	m    *Model
	msgs chan tea.Msg
}

// newPagedListing starts the first listing (no snapshot) of a stand-in of
// n segments, with no page served yet.
func newPagedListing(t *testing.T, n int, snap *snapshot.Snapshot) *pagedListing {
	t.Helper()
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(42, n),
		Now: func() time.Time { return testNow }})
	gate := &pageGate{api: api, open: make(chan struct{}), stop: make(chan struct{})}
	e := newTestEnvServing(t, api, gate)
	t.Cleanup(func() { close(gate.stop) }) // before the server's Close, which waits for them
	p := &pagedListing{e: e, gate: gate, m: e.newTestModel(Options{Snapshot: snap}), msgs: make(chan tea.Msg, 1)}
	p.m.Update(windowSize(120, 40))
	// The listing's waits run here, as the program would run them; each
	// message goes to the test, which applies it.
	go func(wait tea.Cmd) {
		for wait != nil {
			msg := wait()
			p.msgs <- msg
			pm, ok := msg.(segmentsProgressMsg)
			if !ok {
				return
			}
			wait = pm.next
		}
	}(p.m.loadSegmentsCmd(0))
	return p
}

// page serves the next page and applies what the listing says of it: its
// progress, or its end.
func (p *pagedListing) page(t *testing.T) {
	t.Helper()
	p.gate.open <- struct{}{}
	p.apply(t, false)
}

// finish applies the listing's messages through its end, or only its end
// (skipping its progress).
func (p *pagedListing) finish(t *testing.T, skip bool) {
	t.Helper()
	for {
		if _, end := p.apply(t, skip).(segmentsLoadedMsg); end {
			return
		}
	}
}

// apply applies the listing's next message, unless skip and it is a
// progress message.
func (p *pagedListing) apply(t *testing.T, skip bool) tea.Msg {
	t.Helper()
	var msg tea.Msg
	select {
	case msg = <-p.msgs:
	case <-time.After(5 * time.Second):
		t.Fatal("the listing said nothing")
	}
	if pm, ok := msg.(segmentsProgressMsg); ok {
		if skip {
			return msg
		}
		pm.next = nil // the goroutine of newPagedListing waits for the next one
		msg = pm
	}
	_, cmd := p.m.Update(msg)
	settle(t, p.m, cmd)
	return msg
}

func ids(segs []client.Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.ID
	}
	return out
}

// TestFirstListingShowsPagesAsTheyArrive: the first start of a large
// workspace shows the rows listed so far, the cursor keeps its segment and
// its line as pages arrive, and the list ends equal to the workspace's.
func TestFirstListingShowsPagesAsTheyArrive(t *testing.T) {
	p := newPagedListing(t, 350, nil) // 337 listed: pages of 100, 100, 100, 37
	m, all := p.m, p.e.api.Workspace().Listed()
	mustContain(t, screen(m), "loading segments… 0")

	p.page(t)
	s := screen(m)
	mustContain(t, s, output.SafeText(all[0].Name), "loading segments… 100 so far")
	if strings.Contains(s, "waiting for the segment list") {
		t.Fatalf("the chart waits while rows are on screen:\n%s", s)
	}
	if n := p.e.api.Requests("data_series"); n == 0 {
		t.Error("no series fetched for the rows on screen during the listing")
	}
	// A refresh (or R) during the first listing would start a second one
	// that joins it in the cache without its pages: the rows would stop.
	if gen := m.cat.gen; m.loadSegmentsCmd(client.Fresh) != nil || m.cat.gen != gen {
		t.Error("a second listing started during the first")
	}
	if got := m.snapshot().Segments; got != nil {
		t.Errorf("a snapshot holds %d segments of a listing under way", len(got))
	}

	// A page arriving below the screen costs the one frame its count in
	// the status bar costs, as before rows were shown during the listing.
	m.View()
	frames := m.frame.count
	p.page(t)
	m.View()
	m.View()
	if d := m.frame.count - frames; d != 1 || m.list.Len() != 200 {
		t.Errorf("page 2: %d frames, %d rows; want 1 frame, 200 rows", d, m.list.Len())
	}

	// A user moves through the first rows, selects one and sorts by name:
	// later pages insert rows above and below the cursor.
	press(t, m, "down", "space", "down", "down", "s")
	for range 15 {
		press(t, m, "down")
	}
	want, line := m.list.CursorID(), cursorLine(screen(m))
	selected := ids(m.list.Selected())
	for n := 300; n <= 300; n += 100 {
		p.page(t)
		if m.list.Len() != n {
			t.Fatalf("after page %d: %d rows", n/100, m.list.Len())
		}
		if got := m.list.CursorID(); got != want {
			t.Fatalf("after page %d the cursor is on %s, was on %s", n/100, got, want)
		}
		if l := cursorLine(screen(m)); l != line {
			t.Fatalf("after page %d the cursor moved from line %d to %d", n/100, line, l)
		}
	}
	// The short last page ends the listing; its progress may never be
	// seen (the listing drops one the screen has not taken yet).
	p.gate.open <- struct{}{}
	p.finish(t, true)
	s = screen(m)
	if l := cursorLine(s); l != line {
		t.Errorf("at the listing's end the cursor moved from line %d to %d", line, l)
	}
	if !slices.Equal(ids(m.list.All()), func() []string {
		var w []string
		for _, s := range all {
			w = append(w, s.ID)
		}
		return w
	}()) {
		t.Fatalf("the final list is not the workspace's (%d of %d)", m.list.Len(), len(all))
	}
	mustContain(t, s, p.e.segmentsLabel())
	if m.list.CursorID() != want || !slices.Equal(ids(m.list.Selected()), selected) {
		t.Errorf("the listing's end moved the cursor or changed the selection")
	}
	if strings.Contains(s, "so far") {
		t.Errorf("a complete list still says it is a part:\n%s", s)
	}
}

// cursorLine is the screen line of the cursor's row, -1 without one.
func cursorLine(screen string) int {
	for i, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "›") {
			return i
		}
	}
	return -1
}

// TestFirstListingFilterAndFailure: a filter typed during the listing
// applies to the rows that arrive; a listing failing mid-way keeps its rows
// and says so; the retry resumes and completes the list.
func TestFirstListingFilterAndFailure(t *testing.T) {
	p := newPagedListing(t, 350, nil)
	m, all := p.m, p.e.api.Workspace().Listed()
	p.page(t)
	word := strings.ToLower(strings.Fields(all[0].Name)[0])
	press(t, m, "/")
	for _, r := range word {
		press(t, m, string(r))
	}
	press(t, m, "enter")
	p.page(t)
	// The oracle: a list of the same 200 segments under the same filter.
	oracle := segmentlist.New(m.c)
	oracle.SetSegments(m.list.All()[:200])
	oracle.SetFilter(word)
	if m.list.Len() != 200 || m.list.Visible() != oracle.Visible() || oracle.Visible() == 200 {
		t.Fatalf("filter %q over 200 rows: %d visible, want %d", word, m.list.Visible(), oracle.Visible())
	}

	p.e.api.SetFault(brazetest.Fault{Status: 500, Message: "upstream hiccup"})
	p.page(t)
	s := screen(m)
	mustContain(t, s, "200 segments so far · listing failed")
	if m.list.Len() != 200 {
		t.Fatalf("a failed listing left %d rows, want the 200 listed", m.list.Len())
	}
	if g := (&Hosted{m}).Glance(); g.Listed || g.Problem == "" {
		t.Errorf("a workspace picker reads %+v for a listing failed mid-way", g)
	}
	press(t, m, "S")
	mustContain(t, screen(m), "nothing to scan yet")

	// The retry (the backoff's, or R) resumes at the failed page.
	p.e.api.SetFault(brazetest.Fault{})
	done := make(chan tea.Msg, 1)
	go func(wait tea.Cmd) {
		for {
			msg := wait()
			if pm, ok := msg.(segmentsProgressMsg); ok {
				wait = pm.next
				continue
			}
			done <- msg
			return
		}
	}(m.loadSegmentsCmd(client.Fresh))
	p.gate.open <- struct{}{}
	p.gate.open <- struct{}{}
	_, cmd := m.Update(<-done)
	settle(t, m, cmd)
	if m.list.Len() != len(all) {
		t.Fatalf("after the retry %d rows, want %d", m.list.Len(), len(all))
	}
	mustContain(t, screen(m), "filter: "+word)
}

// TestSavedListStaysWhileListing: with the last run's list on screen, the
// fresh listing's pages do not replace it (a part would drop the segments
// not listed yet as if deleted); the status bar says it is refreshing.
func TestSavedListStaysWhileListing(t *testing.T) {
	probe := brazetest.NewWorkspace(42, 350).Listed()
	var saved []client.Segment
	for _, s := range probe[:320] {
		saved = append(saved, client.Segment{ID: s.ID, Name: s.Name, AnalyticsTrackingEnabled: s.Tracked})
	}
	p := newPagedListing(t, 350, &snapshot.Snapshot{Segments: saved, ListedAt: testNow.Add(-time.Hour)})
	m := p.m
	// The cache knows 4 pages from the snapshot: they are asked at once.
	go func() {
		for range 4 {
			p.gate.open <- struct{}{}
		}
	}()
	for {
		if _, end := p.apply(t, false).(segmentsLoadedMsg); end {
			break
		}
		if m.list.Len() != 320 {
			t.Fatalf("the saved list became %d rows during the listing", m.list.Len())
		}
		mustContain(t, screen(m), "320 segments listed 1h ago, refreshing…")
	}
	if n := len(p.e.api.Workspace().Listed()); m.list.Len() != n {
		t.Fatalf("after the listing %d rows, want %d", m.list.Len(), n)
	}
}
