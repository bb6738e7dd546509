package client

// DataStart returns the index of the first point with a size above zero,
// and false when there is none. Braze reports zero for the days before a
// segment existed, so for a segment younger than its window the data
// starts at s.Points[i].Day: a chart can start there and say so. (A
// segment that truly had no users looks the same: there is nothing to
// draw either way.)
func (s *Series) DataStart() (int, bool) {
	if s == nil {
		return 0, false
	}
	return DataStart(s.Points)
}

// DataStart returns the index of the first of points with a size above
// zero, and false when there is none (see Series.DataStart).
func DataStart(points []Point) (int, bool) {
	for i, p := range points {
		if p.Size > 0 {
			return i, true
		}
	}
	return 0, false
}

// WithData returns points from the first with a size above zero on (see
// Series.DataStart): what a change or a trend is measured on, so that the
// zeros before a segment existed are not a rise from nothing. Points with
// no size above zero (tracking off, an empty segment) are returned whole.
func WithData(points []Point) []Point {
	i, _ := DataStart(points)
	return points[i:]
}
