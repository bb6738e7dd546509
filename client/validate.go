package client

import (
	"fmt"
	"slices"
)

// MaxSize is the largest segment size believed: 10^12 is over a hundred
// times the world's population, so anything larger is a broken or hostile
// answer, refused before it reaches arithmetic that could overflow.
const MaxSize int64 = 1_000_000_000_000

// CleanPoints checks the points of a series asked for with length (1..100)
// and puts them in order, whoever supplied them (the API, a snapshot file):
// every size must be in 0..MaxSize, and there must be no more points than
// length. Points are sorted by day, and a day that comes twice keeps its
// first point; dropped counts the points dropped. The input is not changed.
func CleanPoints(points []Point, length int) (clean []Point, dropped int, err error) {
	if len(points) > length {
		return nil, 0, fmt.Errorf("%d points for a series of length %d: more than asked for", len(points), length)
	}
	for i, p := range points {
		if p.Size < 0 {
			return nil, 0, fmt.Errorf("data[%d].size: %d is negative", i, p.Size)
		}
		if p.Size > MaxSize {
			return nil, 0, fmt.Errorf("data[%d].size: %d is implausible (more than %d)", i, p.Size, MaxSize)
		}
	}
	clean = slices.Clone(points)
	// Stable: of two points for one day, the first given stays first.
	slices.SortStableFunc(clean, func(a, b Point) int { return a.Day.Time().Compare(b.Day.Time()) })
	clean = slices.CompactFunc(clean, func(a, b Point) bool { return a.Day == b.Day })
	return clean, len(points) - len(clean), nil
}
