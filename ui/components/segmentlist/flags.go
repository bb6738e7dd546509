package segmentlist

import "github.com/segdash/segdash/client"

// SetFlags marks segments (by id) with a one-cell glyph in the mark column,
// as a scan flags the segments whose rules or anomalies fired; nil clears
// every mark.
func (m *Model) SetFlags(flags map[string]string) {
	m.flags = flags
	if m.only {
		m.rebuild(m.CursorID())
	}
}

// Flag is the mark of segment id, or "".
func (m *Model) Flag(id string) string { return m.flags[id] }

// Flagged counts the marked segments.
func (m *Model) Flagged() int { return len(m.flags) }

// SetOnlyFlagged shows only the marked segments (true) or every segment.
func (m *Model) SetOnlyFlagged(on bool) {
	if on == m.only {
		return
	}
	m.only = on
	m.rebuild(m.CursorID())
}

// OnlyFlagged reports whether only the marked segments are shown.
func (m *Model) OnlyFlagged() bool { return m.only }

// Shown returns the segments the list shows (filtered), in its order.
func (m *Model) Shown() []client.Segment {
	out := make([]client.Segment, len(m.view))
	for j, i := range m.view {
		out[j] = m.all[i]
	}
	return out
}
