package common

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
)

// NewViewport is a viewport that scrolls with the dashboard's movement keys
// only, leaving letters such as d and q to the dashboard.
func NewViewport() viewport.Model {
	vp := viewport.New()
	b := func(keys ...string) key.Binding { return key.NewBinding(key.WithKeys(keys...)) }
	vp.KeyMap = viewport.KeyMap{Up: b("up", "k"), Down: b("down", "j"), PageUp: b("pgup"), PageDown: b("pgdown"),
		HalfPageUp: b("ctrl+u"), HalfPageDown: b("ctrl+d")}
	return vp
}
