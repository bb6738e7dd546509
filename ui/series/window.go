package series

import "github.com/segdash/segdash/client"

// Window is the window a store shows: its length in days and the day after
// its last (zero: up to now).
type Window struct {
	Length int
	End    client.Date
}

// Window is the window shown.
func (s *Store) Window() Window { return Window{Length: s.length, End: s.end} }

// SetWindow shows w, reporting whether that changed the window: a
// dashboard whose selection another one charts follows that one's window.
func (s *Store) SetWindow(w Window) bool {
	if w.Length <= 0 || w == s.Window() {
		return false
	}
	s.length, s.end = w.Length, w.End
	s.pushAll()
	return true
}
