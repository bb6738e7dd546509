package ui

import (
	"errors"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
)

// catalog is the state of the workspace's segment listing.
type catalog struct {
	gen      int
	listing  bool
	count    int // segments listed so far
	err      error
	loaded   bool
	fromDisk bool // the last run's listing, not yet refreshed
	listedAt time.Time
	authErr  error // a 401 or 403: the auth screen replaces the dashboard
}

// listed takes a listing's message: its progress (returning the wait for
// the next) or its end; a message of an older listing is dropped.
//
// The first listing (no list yet, neither saved nor listed) shows its
// segments as they arrive, so the first rows can be looked at and charted
// within a page or two. A list already on screen (the snapshot's, or an
// earlier listing's) stays whole until the new listing completes: a part
// of it would drop the segments not listed yet as if deleted, and with
// them their place in the selection and under the cursor.
func (m *Model) listed(reply tea.Msg) tea.Cmd {
	switch msg := reply.(type) {
	case segmentsProgressMsg:
		if msg.gen != m.cat.gen {
			return nil
		}
		m.cat.count = msg.n
		if m.cat.loaded || len(msg.segs) <= m.list.Len() {
			return msg.next
		}
		// No redraw beyond the progress's own: the count in the status bar
		// changes with every page shown.
		m.list.Grow(msg.segs)
		return tea.Batch(msg.next, m.ensureSeries())
	case segmentsLoadedMsg:
		if msg.gen != m.cat.gen {
			return nil
		}
		m.cat.listing = false
		if msg.err != nil {
			m.cat.err = msg.err
			if common.IsAuthError(msg.err) {
				m.cat.authErr = msg.err
			}
			if errors.Is(msg.err, client.ErrRateLimited) || client.IsCanceled(msg.err) || common.IsAuthError(msg.err) {
				return m.live.NoteRateLimit(msg.err)
			}
			// A listing that failed is retried with the rows' backoff; a
			// key refused is retried on each refresh (R retries now).
			return m.live.Failed()
		}
		m.cat.err, m.cat.authErr = nil, nil
		if m.cat.loaded {
			m.list.SetSegments(msg.segs)
		} else {
			// The first listing's last pages (their progress may have
			// been dropped) arrive as the others did.
			m.list.Grow(msg.segs)
		}
		m.cat.loaded, m.cat.fromDisk, m.cat.listedAt = true, false, m.c.Now()
		return tea.Batch(m.watch.Loaded(), m.ensureSeries(), m.save.markDirty())
	}
	return nil
}

// firstListing reports whether the first listing is under way: no list
// was ever complete, and the rows on screen (if any) are its pages so far.
func (c *catalog) firstListing() bool { return c.listing && !c.loaded }

// minRelist is the youngest list a live refresh lists again: a listing
// costs one request per 100 segments, so at a 10 s refresh a workspace of
// 10,000 segments is listed once a minute (6,000 requests an hour, 2.4 %
// of Braze's hourly budget), not every 10 s.
const minRelist = time.Minute

// relistIfOld lists the segments again when the list is older than the
// refresh interval (and minRelist): new segments appear, renamed ones
// rename, deleted ones leave the list and the selection.
func (m *Model) relistIfOld() tea.Cmd {
	every := max(m.live.Interval(), minRelist)
	if m.cat.listing || m.share.away || m.c.Now().Sub(m.cat.listedAt) < every {
		return nil
	}
	// Sessions sharing the cache and listing at the same pace share one listing.
	return m.loadSegmentsCmd(every * 9 / 10)
}

// loadSegmentsCmd lists every segment in the background, reporting
// progress, letting the cache answer with a list younger than maxAge (0:
// the list TTL; client.Fresh: none).
func (m *Model) loadSegmentsCmd(maxAge time.Duration) tea.Cmd {
	if m.cat.firstListing() {
		// A second listing would join the first one in the cache without
		// its pages: the rows would stop growing until the end. The first
		// is as fresh as any.
		return nil
	}
	m.cat.gen++
	m.cat.listing = true
	m.cat.count = 0
	gen, ctx, cache, origin := m.cat.gen, m.c.Ctx, m.opts.Cache, m.c.Origin
	ch := make(chan tea.Msg, 1)
	var once sync.Once
	// The listing starts when the command first runs (never in Update),
	// and reports through ch; each message carries wait for the next.
	list := func() {
		segs, err := cache.Segments(ctx, maxAge, func(sofar []client.Segment) {
			select {
			case ch <- segmentsProgressMsg{Origin: origin, gen: gen, n: len(sofar), segs: sofar}:
			default: // the screen is behind; it will catch up with the next one
			}
		})
		// Drain a pending progress message so the final one is not stuck.
		select {
		case <-ch:
		default:
		}
		select {
		case ch <- segmentsLoadedMsg{Origin: origin, gen: gen, segs: segs, err: err}:
		case <-ctx.Done():
		}
	}
	var wait tea.Cmd
	wait = func() tea.Msg {
		once.Do(func() { go list() })
		select {
		case msg := <-ch:
			if p, ok := msg.(segmentsProgressMsg); ok {
				p.next = wait
				return p
			}
			return msg
		case <-ctx.Done():
			return nil
		}
	}
	return wait
}
