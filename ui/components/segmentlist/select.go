package segmentlist

import (
	"slices"

	"github.com/segdash/segdash/client"
)

// Toggle adds the cursor's segment to the selection or removes it.
func (m *Model) Toggle() {
	id := m.CursorID()
	if id == "" {
		return
	}
	if i := slices.Index(m.selected, id); i >= 0 {
		m.selected = slices.Delete(m.selected, i, i+1)
		return
	}
	m.selected = append(m.selected, id)
}

// Selected returns the selected segments in selection order.
func (m *Model) Selected() []client.Segment {
	out := make([]client.Segment, 0, len(m.selected))
	for _, id := range m.selected {
		if s, ok := m.Lookup(id); ok {
			out = append(out, s)
		}
	}
	return out
}

// SelectedCount is the number of selected segments.
func (m *Model) SelectedCount() int { return len(m.selected) }

// ClearSelection empties the selection.
func (m *Model) ClearSelection() { m.selected = nil }

// isSelected reports whether id is selected.
func (m *Model) isSelected(id string) bool { return slices.Contains(m.selected, id) }

// SetSelection replaces the selection with the known segments among ids.
func (m *Model) SetSelection(ids []string) {
	m.selected = m.selected[:0]
	for _, id := range ids {
		if _, ok := m.index[id]; ok && !m.isSelected(id) {
			m.selected = append(m.selected, id)
		}
	}
}
