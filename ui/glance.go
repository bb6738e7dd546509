package ui

import (
	"time"

	"github.com/segdash/segdash/ui/common"
)

// Glance is what a workspace picker shows of a dashboard it holds.
type Glance struct {
	// Segments is how many segments the workspace lists; Listed says
	// whether a listing (or the last run's) has been seen yet.
	Segments int
	Listed   bool
	// Updated is when the newest data on screen was fetched (zero: none).
	Updated time.Time
	// Problem is why the workspace has no list, if it has none: its key
	// refused, its API unreachable ("" when it is fine).
	Problem string
}

// Glance tells a picker the dashboard's segment count and last update.
func (h *Hosted) Glance() Glance {
	m := h.Model
	g := Glance{Segments: m.list.Len(), Listed: m.cat.loaded, Updated: m.live.LastUpdate()}
	switch {
	case m.cat.authErr != nil:
		g.Problem = common.ShortError(m.cat.authErr)
	case (m.list.Len() == 0 || !m.cat.loaded) && m.cat.err != nil:
		// A first listing that failed mid-way has rows but no list.
		g.Problem = common.ShortError(m.cat.err)
	}
	return g
}
