// Package ui is segdash's Bubble Tea dashboard: a segment list and a chart
// pane that stay live. The root model routes messages to the parts that
// own them and lays their views out: a key goes to the overlay on top of
// its stack (help, details, a prompt, the tag picker, the scan), then to
// the chart pane and the list, each with its own KeyMap, and what none of
// them takes is one of the dashboard's global keys. Update never does
// I/O: every request is a tea.Cmd over the shared client cache, answered
// by a past-tense message that names the workspace that asked.
package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/chartpane"
	"github.com/segdash/segdash/ui/components/details"
	"github.com/segdash/segdash/ui/components/filter"
	"github.com/segdash/segdash/ui/components/help"
	"github.com/segdash/segdash/ui/components/overlay"
	"github.com/segdash/segdash/ui/components/scanview"
	"github.com/segdash/segdash/ui/components/segmentlist"
	"github.com/segdash/segdash/ui/components/statusbar"
	"github.com/segdash/segdash/ui/components/watchlists"
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
	// over is the overlays open, the one on top getting the keys.
	over    overlay.Stack
	help    *help.Model
	details *details.Model
	filter  *filter.Model // and its tag picker
	scan    *scanview.Model
	watch   *watchlists.Model // and its name prompt
	share   sharing
	save    saver
	frame   frameCache
}

// defaultFetchTimeout bounds each request of a dashboard's series fetch
// from when it is sent (client.WithRequestTimeout), not its wait for a
// request slot: shorter than the client's own 15 s a request (and its
// retries), so a hung API shows as an error with a retry, not as
// "loading…".
const defaultFetchTimeout = 10 * time.Second

// New returns a dashboard. Call Init through tea.NewProgram.
func New(o Options) *Model {
	if client.CheckWindow(o.Length) != nil {
		o.Length = 30
	}
	if o.FetchTimeout <= 0 {
		o.FetchTimeout = defaultFetchTimeout
	}
	c := common.New(o.Context, o.Now, o.Tick, nil)
	// The help says which keys do nothing here (over SSH: nothing is
	// written on the server); pressed, they say why.
	off := func(b *key.Binding, why string) {
		h := b.Help()
		b.SetHelp(h.Key, h.Desc+" ("+why+")")
	}
	if o.ExportDir == "" {
		off(&c.Keys.Export, "off here; y copies")
	}
	if o.SaveWatchlist == nil {
		off(&c.Keys.SaveWatchlist, "off here")
	}
	// opts.NoMouse is the mouse's state from here on: m toggles it.
	m := &Model{c: c, opts: o}
	m.save = saver{c: c, build: m.snapshot}
	if !o.Offline {
		m.save.write = o.SaveSnapshot
	}
	c.Styles = o.styles(c.IsDark)
	m.status = statusbar.New(c)
	m.list = segmentlist.New(c)
	m.list.SetNotice(m.status.SetNotice)
	m.store = series.New(o.Length, m.list)
	m.live = live.New(c, o.Refresh, o.Offline)
	m.chart = chartpane.New(c, m.store, o.Offline)
	m.details = details.New(c, o.Cache, o.Offline)
	m.help = help.New(c)
	m.filter = filter.New(c, m.list, m.ensureSeries)
	m.scan = scanview.New(c, scanview.Deps{Hub: o.ScanHub, Cache: o.Cache, Notice: m.status.SetNotice,
		Adopt: m.adoptScan, ShowFlagged: m.toggleFlagged, Silences: o.Silences, Workspace: o.Workspace})
	m.watch = watchlists.New(c, m.list, o.Watchlists, o.Watch, watchlists.Deps{Save: o.SaveWatchlist,
		Loaded: func() bool { return m.cat.loaded }, Notice: m.status.SetNotice,
		Selected: func() tea.Cmd { m.chart.SetSolo(false); return m.ensureSeries() },
		Shared:   func() (string, bool) { return m.share.here, len(m.share.guests) > 0 }})
	if o.Snapshot != nil {
		m.restore(o.Snapshot)
	}
	if o.Notice != "" {
		m.status.SetStartNotice(o.Notice)
	}
	return m
}

// autoTheme reports whether the theme follows the terminal's background.
func (o Options) autoTheme() bool {
	return !o.NoColor && (o.Theme == "" || o.Theme == "auto")
}

// styles builds the styles the options ask for on a dark or light
// background.
func (o Options) styles(isDark bool) *themes.Styles {
	var t themes.Theme
	switch {
	case o.NoColor:
		t = themes.Mono()
	case o.autoTheme():
		t = themes.ForBackground(isDark)
	default:
		var err error
		if t, err = themes.ByName(o.Theme); err != nil {
			t = themes.ForBackground(isDark) // cmd validates names; stay usable regardless
		}
	}
	return themes.NewStyles(t, isDark)
}

// Init starts the listing, the theme query and the refresh timer.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.status.StartExpiry()}
	if !m.opts.Offline {
		cmds = append(cmds, m.loadSegmentsCmd(0), m.live.Start())
	}
	if m.opts.autoTheme() {
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
		if m.opts.autoTheme() {
			m.c.IsDark = msg.IsDark()
			m.c.Styles = m.opts.styles(m.c.IsDark)
			m.filter.Restyle()
			m.watch.Restyle()
		}
		return m, nil
	case tea.BlurMsg, tea.FocusMsg, live.RefreshMsg, live.AgeMsg, live.RateMsg, live.RetryMsg:
		act, cmd := m.live.Update(msg)
		return m, tea.Batch(cmd, m.liveAction(act))
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		cmd, _ := m.over.Update(msg)
		return m, cmd
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		return m, m.handleMouse(msg.(tea.MouseMsg))
	case scanview.UpdatedMsg, scanview.PollMsg:
		cmd, _ := m.scan.Update(msg)
		return m, cmd
	case segmentsProgressMsg, segmentsLoadedMsg:
		return m, m.listed(msg)
	case seriesLoadedMsg:
		return m, m.seriesReplies([]seriesLoadedMsg{msg})
	case seriesBatchMsg:
		return m, tea.Batch(m.seriesReplies(msg.replies), msg.next)
	case details.LoadedMsg:
		cmd, _ := m.details.Update(msg)
		return m, cmd
	case exportedMsg:
		if msg.err != nil {
			return m, m.status.SetNotice("export failed: " + common.ShortError(msg.err))
		}
		return m, m.status.SetNotice("wrote " + msg.path)
	case watchlists.SavedMsg:
		cmd, _ := m.watch.Update(msg)
		return m, cmd
	case QuitAllMsg:
		if m.c.Hosted {
			return m, nil // the host saves every workspace
		}
		return m, m.quit()
	case saveSnapshotMsg:
		m.save.pending = false
		return m, m.save.cmd(false)
	case snapshotSavedMsg:
		var cmd tea.Cmd
		if msg.err != nil {
			cmd = m.status.SetNotice("could not save data for the next start: " + common.ShortError(msg.err))
		}
		if msg.quit {
			m.frame.quitting = true
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
			return m.refetch(true, m.live.MaxAge(), 0) // the list waits for its return
		}
		if m.cat.authErr != nil || !m.cat.loaded || (m.cat.fromDisk && !m.cat.listing) {
			// Recovery is automatic: try the listing again on each tick.
			return m.loadSegmentsCmd(client.Fresh)
		}
		return tea.Batch(m.refetch(true, m.live.MaxAge(), 0), m.relistIfOld())
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
