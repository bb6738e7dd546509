// Package segmentlist is the dashboard's list of segments: filtering (fuzzy
// on names, tag:NAME on tags), sorting, a cursor, multi-selection, and rows
// with tags, latest size, change and a sparkline.
package segmentlist

import (
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/series"
)

// Model is the list's state. The zero value is not usable; call New.
type Model struct {
	c        *common.Common
	keys     KeyMap
	sums     map[string]series.Summary // pushed by the series store
	all      []client.Segment
	lower    []string // lower-case names, for filtering
	index    map[string]int
	score    []int8 // match score of each segment under the current filter
	view     []int  // indices into all, filtered and sorted
	cursor   int
	offset   int
	selected []string // ids, in selection order
	filter   string
	sortBy   SortKey
	reverse  bool              // the data sorts' direction flipped: smallest first
	loaded   int               // rows of the view with data, counted by a data sort
	flags    map[string]string // marks of flagged segments (a scan's alerts), by id
	only     bool              // show only flagged segments
	width    int
	height   int
	notice   func(string) tea.Cmd // the status bar's, if set
	scanAt   time.Time            // when a scan's numbers came in, if ever
}

// New returns an empty list drawn with c's styles.
func New(c *common.Common) *Model {
	return &Model{c: c, keys: KeyMapOf(c.Keys), sums: map[string]series.Summary{}}
}

// SetSummary records what is known of a segment's series; the series
// store pushes it. Resort applies it to a data-dependent order.
func (m *Model) SetSummary(id string, s series.Summary) { m.sums[id] = s }

// ClearSummaries forgets every summary (the window changed).
func (m *Model) ClearSummaries() { clear(m.sums) }

// Summary is what the list knows of segment id's series.
func (m *Model) Summary(id string) series.Summary { return m.sums[id] }

// SetSegments replaces the segments, keeping the cursor on the same
// segment where it still exists, and the selection.
func (m *Model) SetSegments(segs []client.Segment) {
	cur := m.CursorID()
	m.all = segs
	m.lower = make([]string, len(segs))
	m.index = make(map[string]int, len(segs))
	for i, s := range segs {
		m.lower[i] = strings.ToLower(s.Name)
		m.index[s.ID] = i
	}
	// The selection keeps only segments that still exist, so that its
	// count and Selected agree.
	m.selected = slices.DeleteFunc(m.selected, func(id string) bool { _, ok := m.index[id]; return !ok })
	m.rebuild(cur)
}

// Grow shows more of a listing still under way: segs are its segments so
// far, beginning with those the list holds. Besides what SetSegments
// keeps, the cursor keeps its line on screen: rows arriving above it (in
// a name or data order) do not move it under the user's eyes.
func (m *Model) Grow(segs []client.Segment) {
	line := m.cursor - m.offset
	m.SetSegments(segs)
	m.offset = m.cursor - line
	m.clamp()
}

// Len is the number of segments known.
func (m *Model) Len() int { return len(m.all) }

// Visible is the number of segments passing the filter.
func (m *Model) Visible() int { return len(m.view) }

// SetSize sets the cells the list may draw in.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.clamp()
}

// Filter returns the filter text.
func (m *Model) Filter() string { return m.filter }

// SetFilter applies a filter: fuzzy text on names, tag:NAME terms on tags.
func (m *Model) SetFilter(f string) {
	if f == m.filter {
		return
	}
	cur := m.CursorID()
	m.filter = f
	m.rebuild(cur)
}

func (m *Model) rebuild(keepID string) {
	q := parseQuery(m.filter)
	m.view = m.view[:0]
	if len(m.score) != len(m.all) {
		m.score = make([]int8, len(m.all))
	}
	for i := range m.all {
		if len(q.tags) > 0 && !hasTags(m.all[i].Tags, q.tags) {
			continue
		}
		if m.only && m.flags[m.all[i].ID] == "" {
			continue
		}
		sc := matchScore(m.lower[i], q.text)
		if sc == 0 {
			continue
		}
		m.view = append(m.view, i)
		m.score[i] = int8(sc)
	}
	m.sortView(q.text != "")
	m.cursor = 0
	if keepID != "" {
		for j, i := range m.view {
			if m.all[i].ID == keepID {
				m.cursor = j
				break
			}
		}
	}
	m.clamp()
}

// Cursor returns the segment under the cursor.
func (m *Model) Cursor() (client.Segment, bool) {
	if m.cursor < 0 || m.cursor >= len(m.view) {
		return client.Segment{}, false
	}
	return m.all[m.view[m.cursor]], true
}

// CursorID is the id under the cursor, or "".
func (m *Model) CursorID() string {
	s, _ := m.Cursor()
	return s.ID
}

// Move moves the cursor by n rows (clamped).
func (m *Model) Move(n int) {
	m.cursor += n
	m.clamp()
}

// top jumps to the first row.
func (m *Model) top() { m.cursor = 0; m.clamp() }

// bottom jumps to the last row.
func (m *Model) bottom() { m.cursor = len(m.view) - 1; m.clamp() }

// Page is the number of rows on screen.
func (m *Model) Page() int { return max(1, m.height-1) }

// Scroll moves the window by n rows, keeping the cursor inside it.
func (m *Model) Scroll(n int) {
	m.offset += n
	maxOff := max(0, len(m.view)-m.Page())
	m.offset = max(0, min(m.offset, maxOff))
	m.cursor = max(m.offset, min(m.cursor, m.offset+m.Page()-1))
	m.clamp()
}

// RowAt returns the view index of the row drawn at line y of the list (0 is
// the header), or false.
func (m *Model) RowAt(y int) (int, bool) {
	i := m.offset + y - 1
	if y < 1 || i >= len(m.view) || i >= m.offset+m.Page() {
		return 0, false
	}
	return i, true
}

// SetCursor puts the cursor on view index i.
func (m *Model) SetCursor(i int) { m.cursor = i; m.clamp() }

func (m *Model) clamp() {
	if len(m.view) == 0 {
		m.cursor, m.offset = 0, 0
		return
	}
	m.cursor = max(0, min(m.cursor, len(m.view)-1))
	page := m.Page()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+page {
		m.offset = m.cursor - page + 1
	}
	m.offset = max(0, min(m.offset, max(0, len(m.view)-page)))
}

// Lookup finds a known segment by id.
func (m *Model) Lookup(id string) (client.Segment, bool) {
	if i, ok := m.index[id]; ok {
		return m.all[i], true
	}
	return client.Segment{}, false
}

// OnScreen returns the segments drawn now, then up to ahead more below.
func (m *Model) OnScreen(ahead int) []client.Segment {
	end := min(len(m.view), m.offset+m.Page()+ahead)
	out := make([]client.Segment, 0, end-m.offset)
	for _, i := range m.view[m.offset:end] {
		out = append(out, m.all[i])
	}
	return out
}

// All returns every known segment, in API order.
func (m *Model) All() []client.Segment { return m.all }

// Offset is the first row on screen.
func (m *Model) Offset() int { return m.offset }

// CursorIndex is the cursor's row in the filtered, sorted view.
func (m *Model) CursorIndex() int { return m.cursor }
