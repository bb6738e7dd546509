package ui

import "github.com/segdash/segdash/ui/components/scanview"

// modeKeys are the keys of the current mode, for the footer's right end
// (as lazygit and gh-dash show them): what the next key does here. ""
// leaves the dashboard's "? help  q quit".
func (m *Model) modeKeys() string {
	switch {
	case m.over.filter.Active():
		return "enter apply · esc clear · ↑↓ move"
	case m.over.tags.Active():
		return "enter pick · esc close · ↑↓ move"
	case m.over.name.Active() && m.watch.confirm != "":
		return "enter replace · esc keep"
	case m.over.name.Active():
		return "enter save · esc cancel"
	case m.over.details.Active():
		return "↑↓ scroll · esc close"
	case m.scan.view.Phase() == scanview.Confirming:
		return "enter start · esc back"
	case m.scan.view.Phase() == scanview.Running && m.scan.ticket != nil && m.scan.ticket.Joined:
		return "esc leave (it goes on for the others)"
	case m.scan.view.Phase() == scanview.Running:
		return "esc stop (what came back is kept)"
	case m.scan.view.Phase() == scanview.Finished:
		return "↑↓ scroll · esc close · A alerted only"
	case m.chart.CursorShown():
		return "←→ day · home/end · esc hide cursor"
	case m.chart.Solo() && m.list.SelectedCount() > 0:
		return "esc back to the comparison · ? help"
	case m.list.Filter() != "":
		return "esc clear filter · ? help  q quit"
	}
	return ""
}
