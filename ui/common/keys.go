package common

import "charm.land/bubbles/v2/key"

// KeyMap is every binding of the dashboard, for dispatch and for help.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextFailing                             key.Binding
	Select, Focus, ClearSelection           key.Binding
	Filter, TagFilter, Sort, ReverseSort    key.Binding
	Scan, Flagged                           key.Binding
	Normalise, Window, Back, Forward, ToNow key.Binding
	Earlier, Later, FirstDay, LastDay       key.Binding
	Previous                                key.Binding
	Details                                 key.Binding
	Refresh, RefreshAll, Pause, Faster      key.Binding
	Slower                                  key.Binding
	Copy, Export, Mouse                     key.Binding
	NextWatchlist, SaveWatchlist            key.Binding
	Help, Quit, Escape                      key.Binding
	Workspaces                              key.Binding
}

// NewKeyMap returns the dashboard's bindings.
func NewKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:             b([]string{"up", "k"}, "↑/k", "up"),
		Down:           b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:         b([]string{"pgup", "ctrl+u"}, "pgup/ctrl+u", "page up"),
		PageDown:       b([]string{"pgdown", "ctrl+d"}, "pgdn/ctrl+d", "page down"),
		Top:            b([]string{"home", "g"}, "g", "top"),
		Bottom:         b([]string{"end", "G"}, "G", "bottom"),
		NextFailing:    b([]string{"!"}, "!", "next failing row"),
		Select:         b([]string{"space"}, "space", "select"),
		Focus:          b([]string{"enter"}, "enter", "focus one / compare"),
		ClearSelection: b([]string{"x"}, "x", "clear selection"),
		Filter:         b([]string{"/"}, "/", "filter (tag:NAME)"),
		TagFilter:      b([]string{"T"}, "T", "pick a tag (with counts)"),
		Sort:           b([]string{"s"}, "s", "sort: created, name, size, change"),
		ReverseSort:    b([]string{"o"}, "o", "reverse the sort order"),
		Scan:           b([]string{"S"}, "S", "scan the workspace (or the filter)"),
		Flagged:        b([]string{"A"}, "A", "only alerted segments / all"),
		Normalise:      b([]string{"n"}, "n", "normalise"),
		Window:         b([]string{"1", "2", "3", "4", "5"}, "1-5", "7/30/90/180/365d"),
		Back:           b([]string{"["}, "[", "back 7d (30d if long)"),
		Forward:        b([]string{"]"}, "]", "forward 7d (30d)"),
		ToNow:          b([]string{"t"}, "t", "window ends now"),
		Previous:       b([]string{"v"}, "v", "vs the previous period"),
		Earlier:        b([]string{"left", "h"}, "←/h", "day cursor back"),
		Later:          b([]string{"right", "l"}, "→/l", "day cursor forward"),
		FirstDay:       b([]string{"home"}, "home", "cursor: first day"),
		LastDay:        b([]string{"end"}, "end", "cursor: last day"),
		Details:        b([]string{"d"}, "d", "details"),
		Refresh:        b([]string{"r"}, "r", "refresh"),
		RefreshAll:     b([]string{"R"}, "R", "refresh all"),
		Pause:          b([]string{"p"}, "p", "pause"),
		Faster:         b([]string{"+", "="}, "+", "refresh more often"),
		Slower:         b([]string{"-"}, "-", "refresh less often"),
		Copy:           b([]string{"y"}, "y", "copy CSV"),
		Export:         b([]string{"e"}, "e", "export CSV"),
		Mouse:          b([]string{"m"}, "m", "mouse on/off"),
		NextWatchlist:  b([]string{"w"}, "w", "next watchlist"),
		SaveWatchlist:  b([]string{"W"}, "W", "save selection as watchlist"),
		Help:           b([]string{"?"}, "?", "help"),
		Quit:           b([]string{"q", "ctrl+c"}, "q", "quit"),
		Escape:         b([]string{"esc"}, "esc", "back: day cursor, focus, filter"),
		// K is the workspace picker's (ui/workspaces), listed here for help.
		Workspaces: b([]string{"K"}, "K", "pick a workspace (several in the config)"),
	}
}

// ShortHelp is the one-line help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Select, k.Focus, k.Filter, k.Window, k.Normalise, k.Details, k.Refresh, k.Help, k.Quit}
}

// FullHelp is the help screen, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.NextFailing, k.Mouse},
		{k.Select, k.Focus, k.ClearSelection, k.Filter, k.TagFilter, k.Sort, k.ReverseSort, k.Scan, k.Flagged, k.NextWatchlist, k.SaveWatchlist},
		{k.Window, k.Back, k.Forward, k.ToNow, k.Earlier, k.Later, k.FirstDay, k.LastDay, k.Normalise, k.Details, k.Copy, k.Export},
		{k.Previous, k.Refresh, k.RefreshAll, k.Pause, k.Faster, k.Slower, k.Workspaces, k.Escape, k.Help, k.Quit},
	}
}
