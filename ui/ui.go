// Package ui is segdash's Bubble Tea dashboard: a segment list and a chart
// pane that stay live. The root model routes messages to the parts that
// own them and lays their views out; Update never does I/O: every request
// is a tea.Cmd over the shared client cache, answered by a past-tense
// message.
package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/chartpane"
	"github.com/segdash/segdash/ui/components/details"
	"github.com/segdash/segdash/ui/components/help"
	"github.com/segdash/segdash/ui/components/prompt"
	"github.com/segdash/segdash/ui/components/segmentlist"
	"github.com/segdash/segdash/ui/components/statusbar"
	"github.com/segdash/segdash/ui/components/tagpicker"
	"github.com/segdash/segdash/ui/live"
	"github.com/segdash/segdash/ui/series"
)

// Minimum terminal size the dashboard draws in.
const (
	MinWidth  = 60
	MinHeight = 16
)

// Model is the root model of the dashboard.
type Model struct {
	c      *common.Common
	opts   Options
	list   *segmentlist.Model
	store  *series.Store
	cat    catalog
	live   *live.Model
	status *statusbar.Model
	chart  *chartpane.Model
	over   overlays
	scan   scanState
	share  sharing
	watch  watchState
	save   saver
	frame  frameCache
}

// defaultFetchTimeout bounds each request of a dashboard's series fetch
// from when it is sent (client.WithRequestTimeout), not its wait for a
// request slot: shorter than the client's own 15 s a request (and its
// retries), so a hung API shows as an error with a retry, not as
// "loading…".
const defaultFetchTimeout = 10 * time.Second

// overlays are the screens and prompts shown over the dashboard; each
// takes the keys while it is open.
type overlays struct {
	details *details.Model
	help    *help.Model
	tags    *tagpicker.Model
	filter  *prompt.Model
	name    *prompt.Model // the watchlist name asked by W
}

// New returns a dashboard. Call Init through tea.NewProgram.
func New(o Options) *Model {
	if client.CheckWindow(o.Length) != nil {
		o.Length = 30
	}
	if o.FetchTimeout <= 0 {
		o.FetchTimeout = defaultFetchTimeout
	}
	c := common.New(o.Context, o.Now, o.Tick, nil)
	// opts.NoMouse is the mouse's state from here on: m toggles it.
	m := &Model{c: c, opts: o}
	m.applyTheme()
	m.list = segmentlist.New(c)
	m.store = series.New(o.Length, m.list)
	m.live = live.New(c, o.Refresh, o.Offline)
	m.status = statusbar.New(c)
	m.chart = chartpane.New(c, m.store, o.Offline)
	m.over.details = details.New(c)
	m.over.help = help.New(c)
	m.over.filter = prompt.New(c, "/", "filter names, tag:NAME", 200)
	m.over.name = prompt.New(c, "save selection as watchlist: ", "", 60)
	m.over.tags = tagpicker.New(c)
	m.scan = newScanState(c, o.ScanHub)
	m.watch = watchState{lists: append([]client.Watchlist(nil), o.Watchlists...), pending: o.Watch}
	if o.Snapshot != nil {
		m.restore(o.Snapshot)
	}
	if o.Notice != "" {
		m.status.SetStartNotice(o.Notice)
	}
	return m
}

// autoTheme reports whether the theme follows the terminal's background.
func (m *Model) autoTheme() bool {
	return !m.opts.NoColor && (m.opts.Theme == "" || m.opts.Theme == "auto")
}

// applyTheme builds the styles from the options and the detected background.
func (m *Model) applyTheme() {
	var t themes.Theme
	switch {
	case m.opts.NoColor:
		t = themes.Mono()
	case m.autoTheme():
		t = themes.ForBackground(m.c.IsDark)
	default:
		var err error
		if t, err = themes.ByName(m.opts.Theme); err != nil {
			t = themes.ForBackground(m.c.IsDark) // cmd validates names; stay usable regardless
		}
	}
	m.c.Styles = themes.NewStyles(t, m.c.IsDark)
}

// Init starts the listing, the theme query and the refresh timer.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.status.StartExpiry()}
	if !m.opts.Offline {
		cmds = append(cmds, m.loadSegmentsCmd(0), m.live.Start())
	}
	if m.autoTheme() {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// route hands one message to the part that owns it. It never does I/O.
func (m *Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.SetSize(msg.Width, msg.Height)
		m.layout()
		return m, m.ensureSeries()
	case tea.BackgroundColorMsg:
		if m.autoTheme() {
			m.c.IsDark = msg.IsDark()
			m.applyTheme()
			m.over.filter.Restyle()
			m.over.name.Restyle()
			m.over.tags.Restyle()
		}
		return m, nil
	case tea.BlurMsg, tea.FocusMsg, live.RefreshMsg, live.AgeMsg, live.RateMsg, live.RetryMsg:
		act, cmd := m.live.Update(msg)
		return m, tea.Batch(cmd, m.liveAction(act))
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		switch {
		case m.over.filter.Active():
			return m, m.filterKey(msg)
		case m.over.tags.Active():
			return m, m.tagKey(msg)
		}
		return m, nil
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		return m, m.handleMouse(msg.(tea.MouseMsg))
	case scanUpdatedMsg:
		return m, m.scanUpdated(msg)
	case scanPollMsg:
		if msg.ticket == m.scan.ticket {
			return m, m.waitScanCmd(msg.ticket)
		}
		return m, nil
	case segmentsProgressMsg:
		return m, m.listingProgress(msg)
	case segmentsLoadedMsg:
		return m, m.segmentsLoaded(msg)
	case seriesLoadedMsg:
		return m, m.seriesReplies([]seriesLoadedMsg{msg})
	case seriesBatchMsg:
		return m, tea.Batch(m.seriesReplies(msg.replies), msg.next)
	case details.LoadedMsg:
		m.over.details.Update(msg)
		return m, nil
	case exportedMsg:
		if msg.err != nil {
			return m, m.status.SetNotice("export failed: " + common.ShortError(msg.err))
		}
		return m, m.status.SetNotice("wrote " + msg.path)
	case watchlistSavedMsg:
		return m, m.watchlistSaved(msg)
	case saveSnapshotMsg:
		m.save.pending = false
		return m, m.saveSnapshotCmd(false)
	case snapshotSavedMsg:
		var cmd tea.Cmd
		if msg.err != nil {
			cmd = m.status.SetNotice("could not save data for the next start: " + common.ShortError(msg.err))
		}
		if msg.quit {
			return m, tea.Quit
		}
		return m, cmd
	}
	m.status.Update(msg)
	m.frame.unrouted = true // a notice's expiry or a terminal report
	return m, nil
}

// liveAction does what the scheduler asked for.
func (m *Model) liveAction(a live.Action) tea.Cmd {
	switch a {
	case live.Refresh:
		if m.share.away {
			return m.refreshLive() // the list waits for its return
		}
		if m.cat.authErr != nil || !m.cat.loaded || (m.cat.fromDisk && !m.cat.listing) {
			// Recovery is automatic: try the listing again on each tick.
			return m.loadSegmentsCmd(client.Fresh)
		}
		return tea.Batch(m.refreshLive(), m.relistIfOld())
	case live.RetryFailed:
		if m.share.away {
			return m.retryFailed() // the lent selection only; the list waits for its return
		}
		if !m.cat.loaded || m.cat.err != nil {
			return m.loadSegmentsCmd(client.Fresh)
		}
		return m.retryFailed()
	}
	return nil
}
