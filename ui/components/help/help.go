// Package help is the full-screen key help: every binding in columns and
// what the rows mean, in a viewport that scrolls on small terminals.
package help

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/ui/common"
)

// Model is the help screen.
type Model struct {
	c    *common.Common
	help help.Model
	vp   viewport.Model
	open bool
}

// New returns a closed help screen.
func New(c *common.Common) *Model {
	return &Model{c: c, help: help.New(), vp: common.NewViewport()}
}

// Open shows the help from its top.
func (m *Model) Open() { m.open = true; m.vp.GotoTop() }

// Close hides the help.
func (m *Model) Close() { m.open = false }

// Active reports whether the help is shown.
func (m *Model) Active() bool { return m.open }

// Hint is empty: the help covers the footer and says its own keys.
func (m *Model) Hint() string { return "" }

// Update handles a key while the help is on top: ? or esc closes it, q
// is the dashboard's (it quits), the rest scroll. Nothing under the help
// sees a key, a paste or the mouse: it covers the screen.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	k := m.c.Keys
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.Help, k.Escape):
			m.Close()
			return nil, true
		case key.Matches(kp, k.Quit):
			return nil, false
		}
		m.vp, _ = m.vp.Update(msg)
	}
	return nil, true
}

// SetSize lays the help out over w × h cells: the whole terminal.
func (m *Model) SetSize(w, h int) {
	m.help.SetWidth(w)
	m.vp.SetWidth(w)
	m.vp.SetHeight(max(0, h-1))
}

// View draws the help over the whole terminal: a title line and the
// scrolling body.
func (m *Model) View() string {
	st := m.c.Styles
	m.help.Styles = help.DefaultStyles(m.c.IsDark)
	groups := m.c.Keys.FullHelp()
	// Columns side by side where they fit; one below the other in a narrow
	// terminal, where bubbles' help would cut the columns that do not fit.
	var body []string
	if m.c.Width >= 100 {
		body = []string{"", m.help.FullHelpView(groups[:2]), "", m.help.FullHelpView(groups[2:]), ""}
	} else {
		for _, g := range groups {
			body = append(body, "", m.help.FullHelpView([][]key.Binding{g}))
		}
		body = append(body, "")
	}
	for _, p := range []string{
		"Sizes are Braze's daily estimates; the newest point is yesterday's.",
		"Rows show: name, tags, trend over the window, latest size, the newest day's change (DAY Δ), the change over the window (absolute and percent where there is room).",
		"TREND/w: each cell is a week's mean (TREND/2w two weeks), ending on the newest day, so the weekday rhythm draws no false pattern; TREND/d: one cell a day, over the newest days that fit.",
		"A row without numbers says why: — not asked yet (below the screen), loading, no data in the window, ! error, untracked (Braze keeps no history without Analytics Tracking).",
		"Sorting by size or change orders the rows whose numbers are known: the loaded rows, and after a scan (S) every scanned row, with the scan's age in the title; without a scan the others follow in the API's order and the title says how many are loaded. o reverses the order.",
		"In the filter and tag prompts letters are typed; ↑/↓, ctrl+j/k and pgup/pgdn move the list; enter applies, esc clears.",
		"! marks a segment whose last refresh failed (its last good data stays) until a refresh succeeds; the status bar counts them and the ! key jumps to the next one.",
		"K picks another workspace, when the config file names several; each keeps its own list, filter, window and selection.",
		"The selection spans the workspaces: the chart compares what is selected in every workspace, in the window on screen, each line named by its workspace (us · VIP). x clears it in every workspace; W saves the part on screen (a watchlist belongs to one workspace); y and e export every series on the chart, with a workspace column.",
	} {
		for _, l := range common.Wrap(p, m.c.Width) {
			body = append(body, st.Subtle.Render(l))
		}
	}
	m.vp.SetContent(strings.Join(body, "\n"))
	hint := "   (? or esc to close)"
	if m.vp.TotalLineCount() > m.vp.Height() {
		hint = "   (↑/↓ scroll · ? or esc to close)"
	}
	return st.Title.Render("segdash keys") + st.Subtle.Render(hint) + "\n" + m.vp.View()
}
