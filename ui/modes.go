package ui

// modeKeys are the keys of the current mode, for the footer's right end
// (as lazygit and gh-dash show them): what the next key does here. ""
// leaves the dashboard's "? help  q quit".
func (m *Model) modeKeys() string {
	if top := m.over.Top(); top != nil && top.Hint() != "" {
		return top.Hint()
	}
	switch {
	case m.chart.CursorShown():
		return "←→ day · home/end · esc hide cursor"
	case m.chart.Solo() && m.list.SelectedCount() > 0:
		return "esc back to the comparison · ? help"
	case m.list.Filter() != "":
		return "esc clear filter · ? help  q quit"
	}
	return ""
}
