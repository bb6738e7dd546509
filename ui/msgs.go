package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
)

// segmentsProgressMsg reports how many segments the listing has so far,
// and which (the first listing shows them); next waits for the listing's
// following message.
type segmentsProgressMsg struct {
	gen  int
	n    int
	segs []client.Segment
	next tea.Cmd
}

// segmentsLoadedMsg ends a listing.
type segmentsLoadedMsg struct {
	gen  int
	segs []client.Segment
	err  error
}

// seriesLoadedMsg is the answer to one data-series fetch. token tells a
// reply from an older fetch of the same key apart.
type seriesLoadedMsg struct {
	key    client.SeriesKey
	token  int64
	series *client.Series
	err    error
	// fetched is when the API answered; zero: now.
	fetched time.Time
}

// exportedMsg reports a CSV export.
type exportedMsg struct {
	path string
	err  error
}

// watchlistSavedMsg reports saving the selection as a watchlist.
type watchlistSavedMsg struct {
	name string
	segs []client.Segment
	err  error
}

// saveSnapshotMsg asks for the data to be saved for the next start.
type saveSnapshotMsg struct{}

// snapshotSavedMsg reports that save.
type snapshotSavedMsg struct{ err error }
