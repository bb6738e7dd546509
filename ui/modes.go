package ui

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
	case m.chart.CursorShown():
		return "←→ day · home/end · esc hide cursor"
	case m.chart.Solo() && m.list.SelectedCount() > 0:
		return "esc back to the comparison · ? help"
	case m.list.Filter() != "":
		return "esc clear filter · ? help  q quit"
	}
	return ""
}
