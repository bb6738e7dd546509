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
