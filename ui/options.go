package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/snapshot"
)

// Options configure a dashboard. Everything a session needs is here: there
// is no package-level state, so many sessions can run in one process.
type Options struct {
	// Cache is the (possibly shared) client cache; required.
	Cache *client.Cache
	// Context ends background work when the session ends (default Background).
	Context context.Context
	// Now is the clock for ages and timers (default time.Now).
	Now func() time.Time
	// Theme is a theme name or "auto" (default): dark or light from the
	// terminal background, dark when the terminal does not answer.
	Theme string
	// NoColor forces the monochrome theme (NO_COLOR).
	NoColor bool
	// Refresh is the live refresh interval; 0 turns it off.
	Refresh time.Duration
	// Length is the initial window in days (1..365, default 30).
	Length int
	// Demo marks the built-in demo data on screen; DemoNote is what the
	// title adds (default: how to connect a workspace).
	Demo     bool
	DemoNote string
	// Source names the workspace's endpoint for the status bar.
	Source string
	// KeyFrom says where a named workspace's key comes from, for the
	// advice on a refused key ("" : the environment or --api-key-file).
	KeyFrom string
	// ExportDir is where `e` writes CSV files; "" disables export.
	ExportDir string
	// NoMouse starts with mouse capture off.
	NoMouse bool
	// Tick makes timer commands (default tea.Tick); tests replace it.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// Watchlists are the named lists of segment ids or names; w cycles
	// through them. Watch names the one to open with.
	Watchlists []client.Watchlist
	Watch      string
	// SaveWatchlist stores the selection as a watchlist (W); nil turns
	// saving off. It is called from a command, never from Update.
	SaveWatchlist func(name string, segs []client.Segment) error
	// Snapshot is the data of the last run, shown at once on start.
	Snapshot *snapshot.Snapshot
	// SaveSnapshot keeps the data for the next start; nil turns it off.
	SaveSnapshot func(*snapshot.Snapshot) error
	// Offline shows only the snapshot and sends no request.
	Offline bool
	// Notice is shown in the status bar at start (a warning from start-up
	// that the alternate screen would otherwise hide).
	Notice string
	// FetchTimeout bounds each request of a series fetch from when it is
	// sent (client.WithRequestTimeout), not its wait for a request slot
	// (default 10 s): what is on screen is given up and retried rather
	// than waited for.
	FetchTimeout time.Duration
	// ScanHub runs one workspace scan at a time for every dashboard that
	// shares it (segdash serve); nil gives the session a hub of its own.
	ScanHub *monitor.Hub
	// Rules are the config file's alert rules, evaluated by a scan.
	Rules []monitor.Rule
	// Silences quiet a scan's alerts as `segdash scan` does: those that
	// hold in Workspace (the configuration's name of it, "" for the
	// unnamed one) on the clock's day.
	Silences  []monitor.Silence
	Workspace string
}
