package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/chartpane"
	"github.com/segdash/segdash/ui/components/filter"
	"github.com/segdash/segdash/ui/components/problem"
	"github.com/segdash/segdash/ui/components/scanview"
	"github.com/segdash/segdash/ui/components/watchlists"
	"github.com/segdash/segdash/ui/output"
)

// render returns the screen's text; no line is wider than the terminal.
func (m *Model) render() string {
	w, h := m.c.Width, m.c.Height
	screen := m.over.Covers(m.help, m.scan) // the overlays that may cover the screen
	switch {
	case w == 0 || h == 0:
		return ""
	case w < MinWidth || h < MinHeight:
		msg := lipgloss.JoinVertical(lipgloss.Center, "terminal too small",
			fmt.Sprintf("need %d×%d", MinWidth, MinHeight), fmt.Sprintf("have %d×%d", w, h))
		// Place centres; Block cuts what a tiny terminal cannot hold.
		return common.Block(strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, msg), "\n"), w, h)
	case screen == m.help:
		return m.help.View()
	case screen == m.scan && m.scan.Phase() == scanview.Finished:
		// The answer takes the whole screen, as help does: its table
		// wants the width.
		return m.scan.View() + "\n" + m.statusLine()
	case m.cat.authErr != nil:
		return common.Block(problem.Auth(m.cat.authErr, m.opts.KeyFrom, m.opts.Source, m.c.Styles, w), w, h)
	case m.list.Len() == 0 && m.cat.err != nil:
		// No list to show: one state across both panes, not a failed
		// list beside "waiting for the segment list…" over "0 segments".
		return m.titleLine() + "\n" + common.Block(problem.Unlisted(m.cat.err, m.opts.Source, m.cat.listing, m.c.Styles, w), w, h-2) + "\n" + m.statusLine()
	}
	return m.dashboard()
}

// listedAgo is the age of the last run's listing: "3h ago", "just now".
func listedAgo(d time.Duration) string {
	if a := common.Ago(d); a != "now" {
		return a
	}
	return "just now"
}

// titleLine is the first line: the open prompt, otherwise the name, the
// demo notice or the endpoint, the window and the filter.
func (m *Model) titleLine() string {
	st := m.c.Styles
	switch o := m.over.Covers(m.filter, m.filter.Tags(), m.watch).(type) {
	case *filter.Model:
		return o.View()
	case *filter.Tags:
		return o.Prompt()
	case *watchlists.Model:
		return o.View()
	}
	left := st.Title.Render("segdash")
	if m.opts.Demo {
		// The demo's time-lapse runs a day every few seconds: its dates
		// pass today, and the title says so before anyone wonders.
		note := m.opts.DemoNote
		if note == "" {
			note = "set BRAZE_API_KEY and BRAZE_REST_ENDPOINT for your workspace"
		}
		left += " " + st.Demo.Render(" DEMO ") + st.Subtle.Render(" demo data · "+note)
	} else if m.opts.Source != "" {
		left += st.Subtle.Render("  " + m.opts.Source)
	}
	right := m.store.Label()
	if f := m.list.Filter(); f != "" {
		right = "filter: " + output.SafeText(f) + " · " + right
	}
	right += " · " + m.list.SortLabel()
	if m.chart.Normal() {
		right += " · indexed"
	}
	return common.Spread(left, st.Subtle.Render(right), m.c.Width)
}

// chartInput is what the chart pane needs besides the series store.
func (m *Model) chartInput() chartpane.Input {
	current, problems := m.watch.Current()
	return chartpane.Input{Segments: m.charted(), Waiting: m.cat.listing || !m.cat.loaded,
		Watch: current, Problems: problems, Workspace: m.share.here, Guests: m.share.shown(m.chart.Solo()), Before: m.share.before}
}

// statusLine is the bottom bar.
func (m *Model) statusLine() string {
	fields, optional := m.statusFields()
	m.status.SetFields(fields, optional...)
	return m.status.View()
}

// statusFields are the bottom bar's fields, before the notice and styling,
// and those shown where they fit, after the notice: the hourly API budget
// left, when an answer told it.
func (m *Model) statusFields() (parts, optional []string) {
	if r, ok := m.opts.Cache.RateLimit(); ok && !m.opts.Offline {
		optional = []string{"API " + output.HumanCount(int64(r.Remaining)) + "/h left"}
	}
	if m.opts.Demo {
		parts = append(parts, "DEMO")
	}
	if m.opts.Offline {
		parts = append(parts, "OFFLINE: the last run's data")
	}
	if current, _ := m.watch.Current(); current != "" {
		parts = append(parts, "watch: "+output.SafeText(current))
	}
	n := output.Grouped(int64(m.list.Len()))
	switch {
	case m.list.Len() == 0 && m.cat.err != nil && m.cat.listing:
		parts = append(parts, "no segment list yet · trying again…")
	case m.list.Len() == 0 && m.cat.err != nil:
		parts = append(parts, "no segment list yet")
	case !m.cat.loaded && m.cat.err != nil && m.cat.listing:
		// The first listing failed mid-way: its rows stay, said to be a part.
		parts = append(parts, fmt.Sprintf("%s segments so far · listing failed, trying again…", n))
	case !m.cat.loaded && m.cat.err != nil:
		parts = append(parts, fmt.Sprintf("%s segments so far · listing failed: %s", n, common.ShortError(m.cat.err)))
	case m.cat.firstListing() && m.list.Len() > 0:
		parts = append(parts, fmt.Sprintf("loading segments… %s so far", n))
	case m.cat.fromDisk && m.cat.listing:
		parts = append(parts, fmt.Sprintf("%s segments listed %s, refreshing…", n, listedAgo(m.c.Now().Sub(m.cat.listedAt))))
	case m.cat.fromDisk:
		parts = append(parts, fmt.Sprintf("%s segments listed %s", n, listedAgo(m.c.Now().Sub(m.cat.listedAt))))
	case m.cat.listing && m.list.Len() > 0:
		parts = append(parts, "reloading segments…")
	case m.cat.listing:
		parts = append(parts, fmt.Sprintf("loading segments… %s", output.Grouped(int64(m.cat.count))))
	default:
		parts = append(parts, m.list.Status())
	}
	parts = append(parts, m.share.status(m.list.SelectedCount(), m.chart.Solo())...)
	if n := m.list.Flagged(); n > 0 {
		parts = append(parts, output.Plural(n, "alerted", "alerted"))
	}
	parts = append(parts, m.live.Status()...)
	if n := m.list.Failing() + m.share.failing(m.chart.Solo()); n > 0 {
		parts = append(parts, fmt.Sprintf("%d failing (%s finds them)", n, m.c.Keys.NextFailing.Help().Key))
	}
	if m.opts.NoMouse {
		parts = append(parts, "mouse off")
	}
	return parts, optional
}
