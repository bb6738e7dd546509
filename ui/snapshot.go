package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui/common"
)

// saveDelay gathers the data arriving at once into one save.
const saveDelay = 5 * time.Second

// saveEvery is the least time between two saves: the snapshot of a large
// workspace is a megabyte or more, not worth writing after every refresh.
// Quitting saves what is newer.
const saveEvery = 3 * time.Minute

// saver saves the dashboard's data for the next start: soon after new
// data arrives, at most every saveEvery, and on quitting.
type saver struct {
	c       *common.Common
	write   func(*snapshot.Snapshot) error // nil: saving is off
	build   func() *snapshot.Snapshot      // what the dashboard knows now
	dirty   bool                           // data worth saving arrived since the last save
	pending bool                           // a save is scheduled
	last    time.Time                      // when the last save was built
	count   int                            // saves started, for tests
}

// restore shows the last run's data at once, marked as such.
func (m *Model) restore(snap *snapshot.Snapshot) {
	if len(snap.Segments) > 0 {
		m.list.SetSegments(snap.Segments)
		// The pages known to exist are listed at once, not one by one.
		m.opts.Cache.ExpectSegments(len(snap.Segments))
		m.cat.loaded, m.cat.fromDisk, m.cat.listedAt = true, true, snap.ListedAt
	}
	// "updated … ago" is the age of the saved data, never "now" at start.
	m.live.Updated(m.store.Restore(snap.Series))
	// The closed chunks of long windows go back into the cache: a year's
	// chart then asks only for its newest chunk.
	for _, c := range snap.Chunks {
		m.opts.Cache.Remember(c.Key(), &client.Series{SegmentID: c.SegmentID, Length: c.Length, EndingAt: c.EndingAt,
			Points: c.Points}, c.Fetched)
	}
}

// snapshot is what the dashboard knows now, for the next start.
func (m *Model) snapshot() *snapshot.Snapshot {
	snap := &snapshot.Snapshot{ListedAt: m.cat.listedAt, Series: m.store.Snapshot()}
	if m.cat.loaded {
		// The first listing's pages so far are no list: the next start
		// would show them as the workspace's.
		snap.Segments = m.list.All()
	}
	for _, id := range m.store.LongWindowSegments() {
		for _, r := range m.opts.Cache.ClosedChunks(id) {
			snap.Chunks = append(snap.Chunks, snapshot.Series{SegmentID: r.Key.SegmentID, Length: r.Key.Length,
				EndingAt: r.Key.EndingAt, Fetched: r.Fetched, Points: r.Series.Points})
		}
	}
	return snap
}

// markDirty notes new data and schedules one save a little later.
func (s *saver) markDirty() tea.Cmd {
	if s.write == nil {
		return nil
	}
	s.dirty = true
	if s.pending {
		return nil
	}
	s.pending = true
	wait := saveDelay
	if !s.last.IsZero() {
		wait = max(wait, s.last.Add(saveEvery).Sub(s.c.Now()))
	}
	origin := s.c.Origin
	return s.c.Tick(wait, func(time.Time) tea.Msg { return saveSnapshotMsg{Origin: origin} })
}

// cmd writes the snapshot (built now, written in the command); its answer
// asks for the quit when quit is set.
func (s *saver) cmd(quit bool) tea.Cmd {
	if !s.dirty || s.write == nil {
		return nil
	}
	s.dirty, s.last = false, s.c.Now()
	s.count++
	snap, write, origin := s.build(), s.write, s.c.Origin
	return func() tea.Msg { return snapshotSavedMsg{Origin: origin, err: write(snap), quit: quit} }
}

// quit saves what is unsaved, then quits: the save's answer asks for the
// quit. Over several workspaces, the host saves them all, then quits.
func (m *Model) quit() tea.Cmd {
	m.scan.Leave()
	if m.c.Hosted {
		origin := m.c.Origin
		return func() tea.Msg { return QuitAllMsg{Origin: origin} }
	}
	if save := m.save.cmd(true); save != nil {
		return save
	}
	m.frame.quitting = true
	return tea.Quit
}
