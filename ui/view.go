package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// sideBySideWidth is the narrowest terminal that shows list and chart side
// by side; narrower ones stack them.
const sideBySideWidth = 100

// paneLayout is where each part is drawn.
type paneLayout struct {
	listX, listY, listW, listH     int
	chartX, chartY, chartW, chartH int
	stacked                        bool
}

func (m *Model) computeLayout() paneLayout {
	var l paneLayout
	mainH := max(0, m.height-2) // title and status bar
	if m.width >= sideBySideWidth {
		l.listW = max(40, m.width*45/100)
		l.listX, l.listY, l.listH = 0, 1, mainH
		l.chartX, l.chartY = l.listW+1, 1
		l.chartW, l.chartH = m.width-l.listW-1, mainH
		return l
	}
	l.stacked = true
	l.listW, l.chartW = m.width, m.width
	l.listH = max(3, mainH*2/5)
	l.listX, l.listY = 0, 1
	l.chartX, l.chartY = 0, 1+l.listH+1
	l.chartH = max(0, mainH-l.listH-1)
	return l
}

// View draws the whole screen. It is a pure function of the model.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.ReportFocus = true
	v.WindowTitle = "segdash"
	if !m.mouseOff {
		v.MouseMode = tea.MouseModeCellMotion
	}
	if m.filtering {
		if c := m.filter.Cursor(); c != nil {
			c.Y += 0 // the filter sits on the first line
			v.Cursor = c
		}
	}
	return v
}

// render returns the screen's text; no line is wider than the terminal.
func (m *Model) render() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	var lines []string
	switch {
	case m.width < MinWidth || m.height < MinHeight:
		lines = m.tooSmall()
	case m.showHelp:
		lines = m.helpScreen()
	case m.authErr != nil:
		lines = m.authScreen()
	default:
		lines = m.dashboard()
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	for i, l := range lines {
		lines[i] = output.Truncate(l, m.width)
	}
	return strings.Join(lines, "\n")
}

func (m *Model) tooSmall() []string {
	msg := []string{"terminal too small", fmt.Sprintf("need %d×%d", MinWidth, MinHeight),
		fmt.Sprintf("have %d×%d", m.width, m.height)}
	var out []string
	for i := 0; i < m.height; i++ {
		j := i - (m.height-len(msg))/2
		if j >= 0 && j < len(msg) {
			pad := max(0, (m.width-output.Width(msg[j]))/2)
			out = append(out, strings.Repeat(" ", pad)+msg[j])
		} else {
			out = append(out, "")
		}
	}
	return out
}

func (m *Model) helpScreen() []string {
	st := m.styles
	out := []string{st.Title.Render("segdash keys") + st.Subtle.Render("   (? or esc to close)"), ""}
	groups := m.keys.FullHelp()
	// Two rows of columns, so that every column fits in a narrow terminal.
	out = append(out, strings.Split(m.help.FullHelpView(groups[:2]), "\n")...)
	out = append(out, "")
	out = append(out, strings.Split(m.help.FullHelpView(groups[2:]), "\n")...)
	out = append(out, "",
		st.Subtle.Render("Sizes are Braze's daily estimates; the newest point is yesterday's."),
		st.Subtle.Render("Rows show: name, tags, trend over the window, latest size, change over the window."),
		st.Subtle.Render("! marks a segment whose last refresh failed (its last good data stays)."))
	return out
}

// authScreen explains a 401 or 403.
func (m *Model) authScreen() []string {
	st := m.styles
	var ce *client.Error
	errors.As(m.authErr, &ce)
	out := []string{st.Error.Render("Braze refused segdash's API key"), ""}
	out = append(out, output.Wrap(output.SafeText(m.authErr.Error()), m.width-2)...)
	out = append(out, "")
	if errors.Is(m.authErr, client.ErrForbidden) {
		perm := "segments.list, segments.data_series, segments.details"
		if ce != nil && ce.Permission != "" {
			perm = ce.Permission
		}
		out = append(out, "What to check:",
			"  • the key's permissions in Braze (Settings › APIs and Identifiers): it needs "+perm,
			"  • that the Braze account is active")
	} else {
		out = append(out, "What to check:",
			"  • BRAZE_API_KEY (or --api-key-file) holds a REST API key of this workspace",
			"  • the endpoint is the workspace's instance (US-03, EU-01, …): a key sent to another",
			"    instance is refused the same way")
	}
	src := m.opts.Source
	if src == "" {
		src = "(unknown)"
	}
	out = append(out, "", st.Subtle.Render("endpoint: "+src),
		st.Subtle.Render("segdash retries on every refresh; R retries now, q quits."))
	return out
}

func (m *Model) dashboard() []string {
	l := m.computeLayout()
	out := []string{m.titleLine()}
	listLines := m.listPane(l.listW, l.listH)
	chartLines := m.chartPane(l.chartW, l.chartH)
	sep := m.styles.Subtle.Render("│")
	if !l.stacked {
		for i := 0; i < l.listH; i++ {
			out = append(out, line(listLines, i)+sep+line(chartLines, i))
		}
	} else {
		for i := 0; i < l.listH; i++ {
			out = append(out, line(listLines, i))
		}
		out = append(out, m.styles.Subtle.Render(strings.Repeat("─", m.width)))
		for i := 0; i < l.chartH; i++ {
			out = append(out, line(chartLines, i))
		}
	}
	return append(out, m.statusLine())
}

func line(ls []string, i int) string {
	if i < len(ls) {
		return ls[i]
	}
	return ""
}

// titleLine is the first line: the filter input while filtering, otherwise
// the name, the demo notice or the endpoint, the window and the filter.
func (m *Model) titleLine() string {
	st := m.styles
	if m.filtering {
		return m.filter.View()
	}
	if m.naming {
		return m.nameInput.View()
	}
	left := st.Title.Render("segdash")
	if m.opts.Demo {
		left += " " + st.Demo.Render(" DEMO ") + st.Subtle.Render(" built-in data · set BRAZE_API_KEY and BRAZE_REST_ENDPOINT for your workspace")
	} else if m.opts.Source != "" {
		left += st.Subtle.Render("  " + m.opts.Source)
	}
	right := m.windowLabel()
	if f := m.list.Filter(); f != "" {
		right = "filter: " + output.SafeText(f) + " · " + right
	}
	right += " · sort: " + m.list.Sort().String()
	if m.normal {
		right += " · indexed"
	}
	return spread(left, st.Subtle.Render(right), m.width)
}

// windowLabel says what window is shown: "30 days to now".
func (m *Model) windowLabel() string {
	if m.end.IsZero() {
		return fmt.Sprintf("%d days to now", m.length)
	}
	return fmt.Sprintf("%d days to %s", m.length, m.end.AddDays(-1))
}

// listPane returns the list's lines, each exactly w cells wide.
func (m *Model) listPane(w, h int) []string {
	if msg := m.listMessage(w); msg != nil {
		for i := range msg {
			msg[i] = output.PadRight(msg[i], w)
		}
		return msg
	}
	return strings.Split(m.list.View(), "\n")
}

// listMessage is what the list pane says instead of rows, if anything.
func (m *Model) listMessage(w int) []string {
	st := m.styles
	switch {
	case m.list.Len() == 0 && m.listing:
		return []string{st.Subtle.Render(fmt.Sprintf("loading segments… %s", output.Grouped(int64(m.listCount))))}
	case m.list.Len() == 0 && m.listErr != nil:
		return append([]string{st.Error.Render("could not list segments")},
			append(output.Wrap(output.SafeText(m.listErr.Error()), w), st.Subtle.Render("retrying on the next refresh; R retries now"))...)
	case m.list.Len() == 0 && m.listLoaded:
		return []string{st.Subtle.Render("no segments in this workspace")}
	case m.list.Visible() == 0:
		return []string{m.list.View(), st.Subtle.Render("no segment matches the filter (esc clears it)")}
	}
	return nil
}

// statusLine is the bottom bar.
func (m *Model) statusLine() string {
	st := m.styles
	var parts []string
	if m.opts.Demo {
		parts = append(parts, "DEMO")
	}
	if m.opts.Offline {
		parts = append(parts, "OFFLINE: the last run's data")
	}
	if m.watch != "" {
		parts = append(parts, "watch: "+output.SafeText(m.watch))
	}
	switch {
	case m.listFromDisk && m.listing:
		parts = append(parts, fmt.Sprintf("%s segments from %s, refreshing…", output.Grouped(int64(m.list.Len())), ago(m.now().Sub(m.listedAt))))
	case m.listFromDisk:
		parts = append(parts, fmt.Sprintf("%s segments from %s", output.Grouped(int64(m.list.Len())), ago(m.now().Sub(m.listedAt))))
	case m.listing && m.list.Len() > 0:
		parts = append(parts, "reloading segments…")
	case m.listing:
		parts = append(parts, fmt.Sprintf("loading segments… %s", output.Grouped(int64(m.listCount))))
	default:
		parts = append(parts, m.list.Status())
	}
	if n := m.list.SelectedCount(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d selected", n))
	}
	switch {
	case m.opts.Offline:
	case m.refresh <= 0:
		parts = append(parts, "live off")
	case m.paused:
		parts = append(parts, "paused")
	case m.blurred:
		parts = append(parts, "every "+shortDuration(m.interval())+" (unfocused)")
	default:
		parts = append(parts, "every "+shortDuration(m.refresh))
	}
	if !m.lastUpdate.IsZero() {
		parts = append(parts, "updated "+ago(m.now().Sub(m.lastUpdate)))
	}
	if !m.rateReset.IsZero() {
		left := max(0, m.rateReset.Sub(m.now()))
		parts = append(parts, fmt.Sprintf("rate limited: retry in %d:%02d", int(left.Minutes()), int(left.Seconds())%60))
	}
	if m.mouseOff {
		parts = append(parts, "mouse off")
	}
	if m.notice != "" {
		parts = append(parts, output.SafeText(m.notice))
	}
	left := " " + strings.Join(parts, " · ")
	return st.StatusBar.Render(spread(left, "? help  q quit ", m.width))
}

// spread puts left and right on one line of width cells, cutting left.
func spread(left, right string, width int) string {
	rw := output.Width(right)
	if rw >= width {
		return output.Truncate(left, width)
	}
	left = output.Truncate(left, width-rw-1)
	return left + strings.Repeat(" ", max(1, width-output.Width(left)-rw)) + right
}

// ago renders an age as the status bar shows it.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds ago", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm ago", int(d.Minutes()))
	default:
		return fmt.Sprintf("%dh ago", int(d.Hours()))
	}
}

// shortDuration renders 30s, 5m, 1h, or Go's form for anything else.
func shortDuration(d time.Duration) string {
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d >= time.Minute && d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	case d < time.Minute && d%time.Second == 0:
		return fmt.Sprintf("%ds", d/time.Second)
	}
	return d.String()
}
