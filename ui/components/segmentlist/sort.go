package segmentlist

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// SortKey orders the list.
type SortKey int

// The sort orders, cycled by the sort key.
const (
	SortCreated SortKey = iota // as the API lists them: oldest first
	SortName
	SortSize   // largest latest size first; rows without data last
	SortChange // largest rise over the window first; rows without data last
	sortKeys
)

// String names the order as the title line shows it.
func (k SortKey) String() string {
	return [...]string{"created", "name", "size", "change"}[k]
}

// byData reports whether k orders by the series' data.
func (k SortKey) byData() bool { return k == SortSize || k == SortChange }

// Sort returns the sort order.
func (m *Model) Sort() SortKey { return m.sortBy }

// CycleSort moves to the next sort order, in its usual direction.
func (m *Model) CycleSort() {
	m.sortBy = (m.sortBy + 1) % sortKeys
	m.reverse = false
	m.rebuild(m.CursorID())
}

// Reverse flips the direction of the order. Rows without data stay last
// either way: they have nothing to be compared by.
func (m *Model) Reverse() {
	m.reverse = !m.reverse
	m.rebuild(m.CursorID())
}

// Resort re-applies a data-dependent sort after new data arrived.
func (m *Model) Resort() {
	if m.sortBy.byData() {
		m.rebuild(m.CursorID())
	}
}

// arrow is the direction of the order as the header shows it.
func (m *Model) arrow() string {
	desc := m.sortBy.byData() // the data sorts start with the largest
	if m.reverse {
		desc = !desc
	}
	if desc {
		return "↓"
	}
	return "↑"
}

// SortBrief names the order and its direction: "sort: created", "sorted
// by size ↓".
func (m *Model) SortBrief() string {
	switch {
	case m.sortBy == SortCreated && !m.reverse:
		return "sort: created"
	case !m.sortBy.byData():
		return "sort: " + m.sortBy.String() + " " + m.arrow()
	}
	return fmt.Sprintf("sorted by %s %s", m.sortBy, m.arrow())
}

// SortLabel is SortBrief with what a data sort covers. It orders only
// the rows whose numbers are known: those fetched, and after a scan every
// row it scanned (its numbers as old as the scan: "sorted by size ↓ ·
// scan 5m ago"). Without a scan it says how many rows it orders and how
// to order them all: "sorted by size ↓ among 312 loaded of 10,000 · S
// orders all".
func (m *Model) SortLabel() string {
	switch {
	case !m.sortBy.byData():
		return m.SortBrief()
	case m.loaded < len(m.view):
		return fmt.Sprintf("%s among %s loaded of %s · %s orders all", m.SortBrief(),
			output.Grouped(int64(m.loaded)), output.Grouped(int64(len(m.view))), m.c.Keys.Scan.Help().Key)
	case !m.scanAt.IsZero():
		ago := common.Ago(m.c.Now().Sub(m.scanAt))
		if ago == "now" {
			ago = "just now"
		}
		return fmt.Sprintf("%s · scan %s", m.SortBrief(), ago)
	}
	return m.SortBrief()
}

// ByData reports whether the list is sorted by the series' data.
func (m *Model) ByData() bool { return m.sortBy.byData() }

// SetScanned notes when the numbers of a scan were given to the list (its
// rows not fetched since sort by them).
func (m *Model) SetScanned(at time.Time) { m.scanAt = at }

// Scanned is when a scan's numbers came in (zero: never).
func (m *Model) Scanned() time.Time { return m.scanAt }

// sortView orders m.view (filtered, in API order). Every order is stable:
// equal rows keep the API's order, so that rows do not reshuffle when data
// arrives; a newly loaded row only takes its place among the loaded ones.
func (m *Model) sortView(ranked bool) {
	dir := 1
	if m.reverse {
		dir = -1
	}
	switch m.sortBy {
	case SortCreated:
		if m.reverse {
			slices.Reverse(m.view)
		}
		// With a filter, the best matches first (creation order among equals).
		if ranked {
			slices.SortStableFunc(m.view, func(a, b int) int { return int(m.score[b]) - int(m.score[a]) })
		}
	case SortName:
		slices.SortStableFunc(m.view, func(a, b int) int { return dir * strings.Compare(m.lower[a], m.lower[b]) })
	case SortSize, SortChange:
		m.sortByData(dir)
	}
}

// sortByData orders by the latest size or the window's change, largest
// first (dir 1) or smallest first (-1). Rows rank: with a value, then
// loaded without one (a change from zero has no percent; an untracked
// segment, whose zeros are no sizes), then without data; only the first
// are ordered by value.
func (m *Model) sortByData(dir int) {
	type key struct {
		rank int
		v    float64
	}
	keys := make([]key, len(m.all))
	m.loaded = 0
	for _, i := range m.view {
		s := m.sums[m.all[i].ID]
		untracked := s.Untracked || !m.all[i].AnalyticsTrackingEnabled
		switch {
		case untracked: // no size to rank, whatever zeros came back
			keys[i] = key{rank: 1}
		case !s.HasData:
			keys[i] = key{rank: 2}
		case m.sortBy == SortSize:
			keys[i] = key{v: float64(s.Latest)}
		case s.Change.HasPct:
			keys[i] = key{v: s.Change.Pct}
		default:
			keys[i] = key{rank: 1}
		}
		if s.HasData || untracked {
			m.loaded++ // an untracked segment has nothing to load
		}
	}
	slices.SortStableFunc(m.view, func(a, b int) int {
		ka, kb := keys[a], keys[b]
		switch {
		case ka.rank != kb.rank:
			return ka.rank - kb.rank
		case ka.v > kb.v:
			return -dir
		case ka.v < kb.v:
			return dir
		}
		return 0
	})
}
