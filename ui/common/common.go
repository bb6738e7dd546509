// Package common is what every part of one dashboard session shares: the
// terminal size, the styles, the key map, the clock, the timer factory and
// the session's context. One Common is built per session and handed to each
// component by pointer, so a theme change reaches them all at once.
package common

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/themes"
)

// TickFunc makes a timer command (tea.Tick's shape); tests replace it so
// that no timer depends on wall time.
type TickFunc func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

// Common is one session's shared context.
type Common struct {
	// Ctx ends background work when the session ends.
	Ctx context.Context
	// Width and Height are the terminal's size in cells.
	Width, Height int
	// Styles are the session's styles; IsDark the detected background.
	Styles *themes.Styles
	IsDark bool
	// Keys are the dashboard's key bindings.
	Keys KeyMap
	// Now is the clock of ages and timers.
	Now func() time.Time
	// Tick makes timer commands.
	Tick TickFunc
	// Origin is put on every message this session's commands produce.
	Origin Origin
	// Hosted is set when a dashboard over several workspaces holds this
	// one: quitting (which saves every workspace) and clearing the whole
	// selection are then the host's to do, asked by a message.
	Hosted bool
}

// New returns a Common with defaults for what is nil: the background
// context, time.Now and tea.Tick.
func New(ctx context.Context, now func() time.Time, tick TickFunc, styles *themes.Styles) *Common {
	if ctx == nil {
		ctx = context.Background()
	}
	if now == nil {
		now = time.Now
	}
	if tick == nil {
		tick = tea.Tick
	}
	return &Common{Ctx: ctx, Now: now, Tick: tick, Styles: styles, IsDark: true, Keys: NewKeyMap()}
}

// SetSize records the terminal's size.
func (c *Common) SetSize(w, h int) { c.Width, c.Height = w, h }
