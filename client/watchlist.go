package client

// Watchlist is a named list of segments, each given by id or by exact name.
// The config file stores watchlists; the dashboard opens and saves them, and
// `check --watch` reads them. Names are resolved against the segment list
// (see Resolve) when the list is known.
type Watchlist struct {
	// Name is the watchlist's name, unique within a workspace.
	Name string
	// Segments are segment ids or exact segment names, in order.
	Segments []string
}

// WatchlistEntries maps each watchlist's name to its entries, as alert
// rules that target a watchlist look them up.
func WatchlistEntries(lists []Watchlist) map[string][]string {
	m := make(map[string][]string, len(lists))
	for _, w := range lists {
		m[w.Name] = w.Segments
	}
	return m
}
