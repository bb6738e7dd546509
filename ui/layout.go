package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

// sideBySideWidth is the narrowest terminal that shows list and chart side
// by side; narrower ones stack them.
const sideBySideWidth = 100

// stackedListRows and stackedChartLines are what a stacked layout gives
// the list (rows, under its header) and the chart before either takes two
// fifths and three fifths of a taller terminal.
const (
	stackedListRows   = 10
	stackedChartLines = 10
)

// paneLayout is the size of each pane, and where the list and the chart
// are (for the mouse).
type paneLayout struct {
	listX, listY, listW, listH     int
	chartX, chartY, chartW, chartH int
	stacked                        bool
}

func (m *Model) layoutFor() paneLayout {
	w := m.c.Width
	mainH := max(0, m.c.Height-2) // title and status bar
	if w >= sideBySideWidth {
		// Half the width up to 160 columns, so that the list keeps TAGS
		// and DAY Δ beside readable names; wider, the chart gets more.
		listW := w / 2
		if w >= 160 {
			listW = w * 45 / 100
		}
		return paneLayout{listY: 1, listW: listW, listH: mainH, chartX: listW + 1, chartY: 1, chartW: w - listW - 1, chartH: mainH}
	}
	// Two fifths for the list, and at least 10 rows and a header where
	// the chart keeps 10 lines (80×24 shows 10 rows and a short chart).
	listH := max(3, mainH*2/5, min(stackedListRows+1, mainH-stackedChartLines-1))
	return paneLayout{listY: 1, listW: w, listH: listH, chartY: 1 + listH + 1, chartW: w, chartH: max(0, mainH-listH-1), stacked: true}
}

// layout hands each part its size.
func (m *Model) layout() {
	l := m.layoutFor()
	m.list.SetSize(l.listW, l.listH)
	m.filter.Tags().SetSize(l.listW, l.listH)
	m.chart.SetSize(l.chartW, l.chartH)
	m.details.SetSize(l.chartW, l.chartH)
	m.scan.SetSize(l.chartW, l.chartH)
	m.help.SetSize(m.c.Width, m.c.Height)
	m.filter.SetSize(m.c.Width, 1)
}

// dashboard joins the title, the two panes and the status bar.
func (m *Model) dashboard() string {
	l := m.layoutFor()
	st := m.c.Styles
	var chart string
	switch m.over.Covers(m.scan, m.details) {
	case m.scan:
		chart = m.scan.View()
	case m.details:
		chart = m.details.View()
	default:
		m.chart.SetInput(m.chartInput())
		chart = m.chart.View()
	}
	var main string
	if l.stacked {
		parts := []string{m.listPane(l.listW, l.listH), st.Subtle.Render(strings.Repeat("─", l.listW))}
		if l.chartH > 0 {
			parts = append(parts, chart)
		}
		main = lipgloss.JoinVertical(lipgloss.Left, parts...)
	} else {
		// lipgloss.JoinHorizontal measures every line of every pane again:
		// a third of a frame's time in BenchmarkFrame. The panes are blocks
		// of exactly their size, so joining them line by line is the same.
		main = common.JoinColumns(l.listH, st.Subtle.Render("│"), m.listPane(l.listW, l.listH), chart)
	}
	// Title, panes and status bar are each exactly the terminal's width.
	return m.titleLine() + "\n" + main + "\n" + m.statusLine()
}

// listPane is the list, the tag picker over it, or what the list pane
// says instead of rows, in exactly w × h cells.
func (m *Model) listPane(w, h int) string {
	if tags := m.filter.Tags(); m.over.Covers(tags) != nil {
		return tags.View() // exactly the list's size
	}
	st := m.c.Styles
	switch {
	case m.list.Len() == 0 && m.cat.listing:
		return common.Block([]string{st.Subtle.Render(fmt.Sprintf("loading segments… %s", output.Grouped(int64(m.cat.count))))}, w, h)
	case m.list.Len() == 0 && m.cat.loaded:
		return common.Block([]string{st.Subtle.Render("no segments in this workspace")}, w, h)
	case m.list.Visible() == 0:
		return common.Block([]string{m.list.Header(), st.Subtle.Render("no segment matches the filter (esc clears it)")}, w, h)
	}
	return m.list.View() // already exactly w × h
}
