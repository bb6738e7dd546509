package ui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui/components/segmentlist"
	"github.com/segdash/segdash/ui/output"
	"github.com/segdash/segdash/ui/uitest"
)

// pageGate serves /segments/list pages in page order, each once the test
// has released it, the rest (series) at once: a listing asks several pages
// at once, and the test decides when each arrives.
type pageGate struct {
	api      http.Handler
	mu       sync.Mutex
	released int           // pages 0 .. released-1 are served
	changed  chan struct{} // closed (and replaced) at each release
	stop     chan struct{} // closed when the test ends: pages still asked fail
}

func newPageGate(api http.Handler) *pageGate {
	return &pageGate{api: api, changed: make(chan struct{}), stop: make(chan struct{})}
}

// release lets the next page (in page order) be served.
func (g *pageGate) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.released++
	close(g.changed)
	g.changed = make(chan struct{})
}

func (g *pageGate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/segments/list" {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		for {
			g.mu.Lock()
			open, changed := page < g.released, g.changed
			g.mu.Unlock()
			if open {
				break
			}
			select {
			case <-changed:
			case <-g.stop:
				return
			case <-r.Context().Done():
				return
			}
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
	done chan struct{} // closed when the test ends
}

// newPagedListing starts the first listing (no snapshot) of a stand-in of
// n segments, with no page served yet.
func newPagedListing(t *testing.T, n int, snap *snapshot.Snapshot) *pagedListing {
	t.Helper()
	api := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(42, n),
		Now: func() time.Time { return testNow }})
	gate := newPageGate(api)
	e := newTestEnvServing(t, api, gate)
	p := &pagedListing{e: e, gate: gate, m: e.newTestModel(Options{Snapshot: snap}), msgs: make(chan tea.Msg, 1),
		done: make(chan struct{})}
	t.Cleanup(func() { close(gate.stop); close(p.done) }) // before the server's Close, which waits for them
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
	p.gate.release()
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
// progress message; the messages of commands that waited (series waiting
// for the listing's request slots) are applied as they come before it.
func (p *pagedListing) apply(t *testing.T, skip bool) tea.Msg {
	t.Helper()
	for {
		var msg tea.Msg
		select {
		case msg = <-p.msgs:
		case <-time.After(5 * time.Second):
			t.Fatal("the listing said nothing")
		}
		switch pm := msg.(type) {
		case segmentsProgressMsg:
			if skip {
				return msg
			}
			pm.next = nil // the goroutine of newPagedListing waits for the next one
			msg = pm
		case segmentsLoadedMsg:
		default:
			_, cmd := p.m.Update(msg)
			p.settle(t, cmd)
			continue
		}
		_, cmd := p.m.Update(msg)
		p.settle(t, cmd)
		return msg
	}
}

// settle runs cmd and what follows from it as uitest.Settle does, except
// that a command still waiting after a moment (a series fetch waiting
// for a request slot the listing holds, as it would in a program) goes on
// in the background: its message comes through msgs.
func (p *pagedListing) settle(t *testing.T, cmd tea.Cmd) {
	t.Helper()
	uitest.SettleWith(t, p.m, cmd, uitest.Options{Wait: 200 * time.Millisecond, Slow: func(done <-chan tea.Msg) {
		go func() {
			select {
			case msg := <-done:
				select {
				case p.msgs <- msg:
				case <-p.done:
				}
			case <-p.done:
			}
		}()
	}})
}

// releaseAll lets every page be served from now on.
func (p *pagedListing) releaseAll() {
	for range 2 * client.PageSize {
		p.gate.release()
	}
}

// press sends keys during the listing, as press does.
func (p *pagedListing) press(t *testing.T, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, cmd := p.m.Update(keyMsg(k))
		p.settle(t, cmd)
	}
}

// drain applies the messages that come in until none has for a moment.
func (p *pagedListing) drain(t *testing.T) {
	t.Helper()
	for {
		select {
		case msg := <-p.msgs:
			_, cmd := p.m.Update(msg)
			p.settle(t, cmd)
		case <-time.After(300 * time.Millisecond):
			return
		}
	}
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
	// Which requests take the slots while pages are held (list pages
	// first, one slot left to the rows' series) is the client's to say,
	// and its tests hold it (TestListPagesBeforeSeries,
	// TestSlotsLeaveOneToOthersDuringAListing): here it depends on when
	// each goroutine runs.
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
	p.press(t, "down", "space", "down", "down", "s")
	for range 15 {
		p.press(t, "down")
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
	// seen (the listing drops one the screen has not taken yet). The pages
	// past the end already asked (the listing runs ahead, not knowing the
	// end) are let finish.
	p.releaseAll()
	p.finish(t, true)
	// With the slots free, the rows on screen get their series without a
	// key press.
	p.drain(t)
	if n := p.e.api.Requests("data_series"); n == 0 {
		t.Error("no series fetched for the rows on screen after the listing")
	}
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
	p.press(t, "/")
	for _, r := range word {
		p.press(t, string(r))
	}
	p.press(t, "enter")
	p.page(t)
	// The oracle: a list of the same 200 segments under the same filter.
	oracle := segmentlist.New(m.c)
	oracle.SetSegments(m.list.All()[:200])
	oracle.SetFilter(word)
	if m.list.Len() != 200 || m.list.Visible() != oracle.Visible() || oracle.Visible() == 200 {
		t.Fatalf("filter %q over 200 rows: %d visible, want %d", word, m.list.Visible(), oracle.Visible())
	}

	// The failing page, and the pages asked past it, which the listing
	// lets finish before it reports.
	p.e.api.SetFault(brazetest.Fault{Status: 500, Message: "upstream hiccup"})
	p.releaseAll()
	p.apply(t, false)
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
			p.gate.release()
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
