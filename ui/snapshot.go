package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
)

// saveDelay gathers the data arriving at once into one save.
const saveDelay = 5 * time.Second

// restore shows the last run's data at once, marked as such.
func (m *Model) restore(snap *snapshot.Snapshot) {
	if len(snap.Segments) > 0 {
		m.list.SetSegments(snap.Segments)
		m.listLoaded, m.listFromDisk, m.listedAt = true, true, snap.ListedAt
	}
	for _, s := range snap.Series {
		k := s.Key()
		m.series[k] = &seriesState{series: &client.Series{SegmentID: s.SegmentID, Length: s.Length, EndingAt: s.EndingAt,
			Points: s.Points}, fetched: s.Fetched, fromDisk: true}
		if s.Fetched.After(m.lastUpdate) {
			m.lastUpdate = s.Fetched
		}
		if k.EndingAt.IsZero() && len(s.Points) > 0 {
			if d := s.Points[len(s.Points)-1].Day.AddDays(1); m.nowDay.Before(d) {
				m.nowDay = d
			}
		}
	}
}

// snapshot is what the dashboard knows now, for the next start.
func (m *Model) snapshot() *snapshot.Snapshot {
	snap := &snapshot.Snapshot{Segments: m.list.All(), ListedAt: m.listedAt}
	for k, st := range m.series {
		if st.series == nil || st.fetched.IsZero() {
			continue
		}
		snap.Series = append(snap.Series, snapshot.Series{SegmentID: k.SegmentID, Length: k.Length,
			EndingAt: k.EndingAt, Fetched: st.fetched, Points: st.series.Points})
	}
	return snap
}

// markDirty notes new data and schedules one save a little later.
func (m *Model) markDirty() tea.Cmd {
	if m.opts.SaveSnapshot == nil || m.opts.Offline {
		return nil
	}
	m.dirty = true
	if m.savePending {
		return nil
	}
	m.savePending = true
	return m.tick(saveDelay, func(time.Time) tea.Msg { return saveSnapshotMsg{} })
}

// saveSnapshotCmd writes the snapshot (built now, written in the command).
func (m *Model) saveSnapshotCmd() tea.Cmd {
	if !m.dirty || m.opts.SaveSnapshot == nil {
		return nil
	}
	m.dirty = false
	snap, save := m.snapshot(), m.opts.SaveSnapshot
	return func() tea.Msg { return snapshotSavedMsg{err: save(snap)} }
}

// quit saves what is unsaved, then quits.
func (m *Model) quit() tea.Cmd {
	if save := m.saveSnapshotCmd(); save != nil {
		return tea.Sequence(save, tea.Quit)
	}
	return tea.Quit
}
