// Package ui is segdash's Bubble Tea dashboard: a segment list and a chart
// pane that stay live. Update never does I/O; every request is a tea.Cmd
// over the shared client cache, answered by a past-tense message.
package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/components/segmentlist"
)

// Minimum terminal size the dashboard draws in.
const (
	MinWidth  = 60
	MinHeight = 16
)

// Windows are the window lengths, in days, keys 1 to 4 pick.
var Windows = []int{7, 30, 90, 100}

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
	// Length is the initial window in days (1..100, default 30).
	Length int
	// Demo marks the built-in demo data on screen.
	Demo bool
	// Source names the workspace's endpoint for the status bar.
	Source string
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
}

// seriesState is what the dashboard knows of one series key.
type seriesState struct {
	series  *client.Series
	fetched time.Time
	err     error
	loading bool
	token   int64
	// fromDisk marks data of the last run, not yet refreshed.
	fromDisk bool
}

// Model is the root model of the dashboard.
type Model struct {
	opts  Options
	ctx   context.Context
	cache *client.Cache
	now   func() time.Time
	tick  func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

	width, height int
	isDark        bool
	autoTheme     bool
	styles        *themes.Styles
	keys          keyMap
	help          help.Model
	list          *segmentlist.Model
	filter        textinput.Model
	filtering     bool
	showHelp      bool

	listGen    int
	listing    bool
	listCount  int
	listErr    error
	listLoaded bool

	length   int
	end      client.Date // zero: up to now
	series   map[client.SeriesKey]*seriesState
	seq      int64
	nowDay   client.Date // the day after the newest point of an up-to-now series
	solo     bool
	normal   bool
	details  *detailsState
	authErr  error
	mouseOff bool

	refresh    time.Duration
	paused     bool
	blurred    bool
	tickGen    int
	ageGen     int
	rateGen    int
	lastUpdate time.Time
	rateReset  time.Time

	notice   string
	noticeAt time.Time

	watchlists    []client.Watchlist
	watch         string // the watchlist shown, if any
	pendingWatch  string // to apply once the list is known
	watchProblems []string
	naming        bool // the watchlist name prompt is open
	nameInput     textinput.Model

	listFromDisk bool
	listedAt     time.Time
	dirty        bool // data worth saving arrived since the last save
	savePending  bool
}

// detailsState is the open details view.
type detailsState struct {
	id      string
	details *client.Details
	err     error
}

// New returns a dashboard. Call Init through tea.NewProgram.
func New(o Options) *Model {
	if o.Context == nil {
		o.Context = context.Background()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Tick == nil {
		o.Tick = tea.Tick
	}
	if o.Length < 1 || o.Length > client.MaxLength {
		o.Length = 30
	}
	m := &Model{opts: o, ctx: o.Context, cache: o.Cache, now: o.Now, tick: o.Tick, keys: newKeyMap(), help: help.New(),
		length: o.Length, series: map[client.SeriesKey]*seriesState{}, refresh: o.Refresh,
		isDark: true, mouseOff: o.NoMouse}
	m.applyTheme()
	m.list = segmentlist.New(m.styles, m.summary)
	m.filter = textinput.New()
	m.filter.Prompt = "/"
	m.filter.Placeholder = "filter names, tag:NAME"
	m.filter.CharLimit = 200
	m.nameInput = textinput.New()
	m.nameInput.Prompt = "save selection as watchlist: "
	m.nameInput.CharLimit = 60
	m.watchlists = append([]client.Watchlist(nil), o.Watchlists...)
	m.pendingWatch = o.Watch
	m.restyle()
	if o.Snapshot != nil {
		m.restore(o.Snapshot)
	}
	if o.Notice != "" {
		m.notice, m.noticeAt = o.Notice, o.Now()
	}
	return m
}

// applyTheme resolves the theme from the options and the detected background.
func (m *Model) applyTheme() {
	var t themes.Theme
	switch {
	case m.opts.NoColor:
		t = themes.Mono()
	case m.opts.Theme == "" || m.opts.Theme == "auto":
		m.autoTheme = true
		t = themes.ForBackground(m.isDark)
	default:
		var err error
		if t, err = themes.ByName(m.opts.Theme); err != nil {
			t = themes.ForBackground(m.isDark) // cmd validates names; stay usable regardless
		}
	}
	m.styles = themes.NewStyles(t, m.isDark)
}

func (m *Model) restyle() {
	m.help.Styles = help.DefaultStyles(m.isDark)
	s := textinput.DefaultStyles(m.isDark)
	s.Cursor.Blink = false // nothing animates while idle
	m.filter.SetStyles(s)
	m.nameInput.SetStyles(s)
	if m.list != nil {
		m.list.SetStyles(m.styles)
	}
}

// Init starts the listing, the theme query and the refresh timer.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.notice != "" {
		at := m.noticeAt
		cmds = append(cmds, m.tick(15*time.Second, func(time.Time) tea.Msg { return noticeExpiredMsg{at: at} }))
	}
	if !m.opts.Offline {
		cmds = append(cmds, m.loadSegmentsCmd(false), m.scheduleRefresh())
	}
	if m.autoTheme {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// Update handles one message. It never does I/O.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, m.ensureSeries()
	case tea.BackgroundColorMsg:
		if m.autoTheme {
			m.isDark = msg.IsDark()
			m.applyTheme()
			m.restyle()
		}
		return m, nil
	case tea.BlurMsg:
		m.blurred = true
		return m, nil
	case tea.FocusMsg:
		wasBlurred := m.blurred
		m.blurred = false
		if wasBlurred {
			return m, m.scheduleRefresh() // back to the normal pace now
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		if m.filtering {
			var cmd tea.Cmd
			m.filter, cmd = m.filter.Update(msg)
			m.applyFilter()
			return m, tea.Batch(cmd, m.ensureSeries())
		}
		return m, nil
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		return m, m.handleMouse(msg.(tea.MouseMsg))
	case segmentsProgressMsg:
		if msg.gen == m.listGen {
			m.listCount = msg.n
			return m, msg.next
		}
		return m, nil
	case segmentsLoadedMsg:
		return m, m.segmentsLoaded(msg)
	case seriesLoadedMsg:
		return m, m.seriesLoaded(msg)
	case detailsLoadedMsg:
		if m.details != nil && m.details.id == msg.id {
			m.details.details, m.details.err = msg.details, msg.err
		}
		return m, nil
	case refreshTickMsg:
		return m, m.refreshTick(msg)
	case ageTickMsg:
		if msg.gen == m.ageGen {
			return m, m.scheduleAgeTick()
		}
		return m, nil
	case rateTickMsg:
		return m, m.rateTick(msg)
	case exportedMsg:
		if msg.err != nil {
			return m, m.setNotice("export failed: " + msg.err.Error())
		}
		return m, m.setNotice("wrote " + msg.path)
	case watchlistSavedMsg:
		return m, m.watchlistSaved(msg)
	case saveSnapshotMsg:
		m.savePending = false
		return m, m.saveSnapshotCmd()
	case snapshotSavedMsg:
		if msg.err != nil {
			return m, m.setNotice("could not save data for the next start: " + msg.err.Error())
		}
		return m, nil
	case noticeExpiredMsg:
		if msg.at.Equal(m.noticeAt) {
			m.notice = ""
		}
		return m, nil
	}
	return m, nil
}

// layout hands each part its size.
func (m *Model) layout() {
	l := m.computeLayout()
	m.list.SetSize(l.listW, l.listH)
	m.filter.SetWidth(max(10, m.width-4))
	m.help.SetWidth(m.width)
}

// window returns the current window's key for a segment.
func (m *Model) keyFor(id string) client.SeriesKey {
	k := client.SeriesKey{SegmentID: id, Length: m.length}
	if !m.end.IsZero() {
		k.EndingAt = m.end.Time()
	}
	return k
}

// setNotice shows a transient message in the status bar for a few seconds.
func (m *Model) setNotice(s string) tea.Cmd {
	m.notice = s
	m.noticeAt = m.now()
	at := m.noticeAt
	return m.tick(4*time.Second, func(time.Time) tea.Msg { return noticeExpiredMsg{at: at} })
}
