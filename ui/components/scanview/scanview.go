// Package scanview is the dashboard's workspace scan: it states the cost
// and asks before it starts, holds the hub's ticket and shows a progress
// bar while the scan runs, and then the answer (which rules fired and why,
// the biggest movers) in a viewport that scrolls. The scan itself runs in
// client/monitor; the dashboard takes in its series and flags (Deps.Adopt).
package scanview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// Phase is where the scan view is.
type Phase int

// The phases, in order.
const (
	Closed     Phase = iota
	Confirming       // the cost is shown; enter starts, esc closes
	Running          // the progress bar; esc stops watching (the scan is cancelled when nobody watches)
	Finished         // the answer
)

// Event is what a key did.
type Event int

// The events of Key.
const (
	None  Event = iota
	Start       // enter while confirming
	Stop        // esc while running
	Close       // esc while confirming or finished
)

// Plan is what a scan would cover and cost, shown before it starts.
type Plan struct {
	Scope     string
	Segments  int
	Cost      int // requests
	Limit     int // the hourly budget
	Remaining int // left this hour; -1 unknown
	// Joining is set when a scan (of JoiningScope) is already running: the
	// viewer joins it instead of starting another.
	Joining      bool
	JoiningScope string
}

// Model is the scan: its state, the ticket held while it runs, and its
// view.
type Model struct {
	c        *common.Common
	deps     Deps
	ticket   *monitor.Ticket
	scope    Scope // what the plan on screen covers
	w, h     int   // the chart pane; the answer takes the terminal
	phase    Phase
	plan     Plan
	progress monitor.Progress
	bar      progress.Model
	vp       viewport.Model
	joined   bool
	summary  output.ScanSummary
	rows     []monitor.Row
	// incidents are the scan's segments that moved together, shown first.
	incidents []monitor.IncidentRow
}

// New returns a closed scan view.
func New(c *common.Common, deps Deps) *Model {
	if deps.Hub == nil {
		deps.Hub = monitor.NewHub(c.Ctx)
	}
	return &Model{c: c, deps: deps, vp: common.NewViewport(),
		bar: progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('━', '─'))}
}

// Phase is the view's phase.
func (m *Model) Phase() Phase { return m.phase }

// Active reports whether the view is shown.
func (m *Model) Active() bool { return m.phase != Closed }

// Confirm shows the plan and asks before starting.
func (m *Model) Confirm(p Plan) { m.phase, m.plan = Confirming, p }

// Running shows the progress bar.
func (m *Model) Running(p monitor.Progress) { m.phase, m.progress = Running, p }

// SetJoined says whether the viewer joined a scan another started: esc
// then leaves it instead of stopping it.
func (m *Model) SetJoined(joined bool) { m.joined = joined }

// Finish shows the answer of a scan: its incidents (segments that moved
// together) first, then its table.
func (m *Model) Finish(sum output.ScanSummary, rows []monitor.Row, incidents []monitor.IncidentRow) {
	m.phase, m.summary, m.rows, m.incidents = Finished, sum, rows, incidents
	m.progress = monitor.Progress{Done: sum.Done, Total: sum.Total, Failed: sum.Failed}
	m.vp.GotoTop()
}

// Hide closes the view; a finished answer is kept for Reopen.
func (m *Model) Hide() { m.phase = Closed }

// Reopen shows the last answer again, if there is one.
func (m *Model) Reopen() bool {
	if m.rows == nil {
		return false
	}
	m.phase = Finished
	return true
}

// Key handles a key while the view is shown.
func (m *Model) Key(msg tea.KeyPressMsg) Event {
	switch msg.String() {
	case "esc":
		switch m.phase {
		case Running:
			return Stop
		default:
			m.phase = Closed
			return Close
		}
	case "enter", "y":
		if m.phase == Confirming {
			return Start
		}
	}
	if m.phase == Finished {
		m.vp, _ = m.vp.Update(msg)
	}
	return None
}

// SetSize sets the chart pane's cells, where the plan and the progress
// show; the answer takes the whole terminal but its last line, as help
// does: its table wants the width.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// View draws the view in the chart pane, or the answer over the terminal.
func (m *Model) View() string {
	w, h := m.w, m.h
	if m.phase == Finished {
		w, h = m.c.Width, m.c.Height-1
	}
	st := m.c.Styles
	var lines []string
	title := func(s string) { lines = append(lines, " "+st.Title.Render(s), "") }
	text := func(s string) {
		for _, l := range common.Wrap(s, max(1, w-2)) {
			lines = append(lines, " "+l)
		}
	}
	hint := func(s string) { lines = append(lines, "", " "+st.Subtle.Render(output.Truncate(s, max(1, w-2)))) }
	switch m.phase {
	case Confirming:
		title("Scan the workspace")
		p := m.plan
		if p.Joining {
			text(fmt.Sprintf("A scan of %s is running for every viewer; joining it costs no request.", output.SafeText(p.JoiningScope)))
			hint("enter join · esc back")
			break
		}
		text(fmt.Sprintf("Scan %s: %s segment%s.", output.SafeText(p.Scope), output.Grouped(int64(p.Segments)), plural(p.Segments)))
		cost := fmt.Sprintf("Cost: %s request%s, %s of the hourly %s", output.Grouped(int64(p.Cost)), plural(p.Cost),
			output.BudgetShare(p.Cost, p.Limit), output.Grouped(int64(p.Limit)))
		if p.Remaining >= 0 {
			cost += fmt.Sprintf(" (%s left this hour)", output.Grouped(int64(p.Remaining)))
		}
		text(cost + ". Series already fetched cost nothing; untracked segments are not asked for.")
		hint("enter start · esc back")
	case Running:
		title("Scanning " + output.SafeText(m.plan.Scope))
		p := m.progress
		if p.Total == 0 && !m.joined { // before the first segment of our own scan is done
			p.Total = m.plan.Segments
		}
		frac := 0.0
		if p.Total > 0 {
			frac = float64(p.Done) / float64(p.Total)
		}
		m.bar.SetWidth(max(10, min(60, w-4)))
		lines = append(lines, " "+m.bar.ViewAs(frac))
		status := fmt.Sprintf("%s of %s", output.Grouped(int64(p.Done)), output.Grouped(int64(p.Total)))
		if p.Failed > 0 {
			status += fmt.Sprintf(" · %s failed", output.Grouped(int64(p.Failed)))
		}
		text(status)
		if reset, ok := m.rateLimit().ExhaustedUntil(m.c.Now()); ok {
			lines = append(lines, "")
			text(fmt.Sprintf("Waiting for the API's hourly limit to reset at %s UTC (in %s): no segment is given up for it.",
				reset.UTC().Format("15:04"), output.Until(reset.Sub(m.c.Now()))))
		}
		if m.joined {
			hint("esc leave (the scan goes on for the other viewers)")
		} else {
			hint("esc stop (what came back is kept)")
		}
	case Finished:
		var b strings.Builder
		writeIncidents(&b, m.incidents, max(40, w-1))
		_ = output.WriteScan(&b, "table", m.summary, m.rows, 10, max(40, w-1))
		m.vp.SetWidth(w)
		m.vp.SetHeight(max(1, h-2))
		m.vp.SetContent(strings.TrimRight(b.String(), "\n"))
		lines = append(lines, strings.Split(m.vp.View(), "\n")...)
		hint("↑/↓ scroll · esc close · A alerted rows only")
	}
	return common.Block(lines, w, h)
}

// rateLimit is the workspace's rate-limit state, as its newest answer
// said (not Known before one did).
func (m *Model) rateLimit() client.Rate {
	if m.deps.Cache == nil {
		return client.Rate{}
	}
	r, _ := m.deps.Cache.RateLimit()
	return r
}

// writeIncidents writes the incidents (segments that moved together on
// one day) before the table: one event, not a row for each segment.
func writeIncidents(b *strings.Builder, incs []monitor.IncidentRow, w int) {
	if len(incs) == 0 {
		return
	}
	fmt.Fprintf(b, "INCIDENTS (%d): segments that moved together\n", len(incs))
	for _, in := range incs {
		for i, l := range common.Wrap(output.SafeText(in.Summary), w-2) {
			if i == 0 {
				b.WriteString("• " + l + "\n")
			} else {
				b.WriteString("  " + l + "\n")
			}
		}
		names := make([]string, len(in.Segments))
		for i, s := range in.Segments {
			names[i] = output.SafeText(s.SegmentName)
		}
		b.WriteString("  " + output.Truncate(strings.Join(names, ", "), w-2) + "\n")
	}
	b.WriteString("\n")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
