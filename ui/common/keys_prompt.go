package common

import tea "charm.land/bubbletea/v2"

// PromptMove is how far a key pressed in a prompt moves the list under it,
// if it is a moving key: the arrows, ctrl+j/k (ctrl+n/p), pgup/pgdn by
// page rows. Letters never move: in a prompt they are typed, as in fzf and
// k9s.
func PromptMove(k tea.KeyPressMsg, page int) (int, bool) {
	switch k.String() {
	case "up", "ctrl+k", "ctrl+p":
		return -1, true
	case "down", "ctrl+j", "ctrl+n":
		return 1, true
	case "pgup":
		return -page, true
	case "pgdown":
		return page, true
	}
	return 0, false
}
