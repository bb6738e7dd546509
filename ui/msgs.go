package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
)

// segmentsProgressMsg reports how many segments the listing has so far,
// and which (the first listing shows them); next waits for the listing's
// following message.
type segmentsProgressMsg struct {
	common.Origin
	gen  int
	n    int
	segs []client.Segment
	next tea.Cmd
}

// segmentsLoadedMsg ends a listing.
type segmentsLoadedMsg struct {
	common.Origin
	gen  int
	segs []client.Segment
	err  error
}

// seriesLoadedMsg is the answer to one data-series fetch. token tells a
// reply from an older fetch of the same key apart.
type seriesLoadedMsg struct {
	common.Origin
	key    client.SeriesKey
	token  int64
	series *client.Series
	err    error
	// fetched is when the API answered; zero: now.
	fetched time.Time
}

// exportedMsg reports a CSV export.
type exportedMsg struct {
	common.Origin
	path string
	err  error
}

// saveSnapshotMsg asks for the data to be saved for the next start.
type saveSnapshotMsg struct{ common.Origin }

// snapshotSavedMsg reports that save.
type snapshotSavedMsg struct {
	common.Origin
	err  error
	quit bool // the save was the last thing before quitting
}
