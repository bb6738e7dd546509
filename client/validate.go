package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// MaxSize is the largest segment size believed: 10^12 is over a hundred
// times the world's population, so anything larger is a broken or hostile
// answer, refused before it reaches arithmetic that could overflow.
const MaxSize int64 = 1_000_000_000_000

// CleanPoints checks the points of a series asked for with length (1..100)
// and puts them in order, whoever supplied them (the API, a snapshot file):
// every point must have a day and a size in 0..MaxSize, and there must be
// no more points than length. Points are sorted by day; a day given twice
// with the same size is kept once (dropped counts the points dropped).
//
// A day given two different sizes is refused, naming both: keeping either
// would show a number the API may not mean. A day missing between the
// first and the last is refused too: the chart, "change over N days" and
// the period comparison count one point per day by position, and Braze
// sends one point per calendar day with no gaps (zeros included), so a gap
// is a broken answer that would draw and report a change on the wrong day.
// Fewer points than length (a series that starts later or ends earlier) are
// accepted. The input is not changed.
func CleanPoints(points []Point, length int) (clean []Point, dropped int, err error) {
	if len(points) > length {
		return nil, 0, fmt.Errorf("%d points for a series of length %d: more than asked for", len(points), length)
	}
	for i, p := range points {
		if p.Day.IsZero() {
			return nil, 0, fmt.Errorf("data[%d].time: no day", i)
		}
		if err := checkSize(p.Size); err != nil {
			return nil, 0, fmt.Errorf("data[%d].size: %w", i, err)
		}
	}
	clean = slices.Clone(points)
	// Stable: of two points for one day, the first given stays first, so
	// the error names the sizes in the order the answer gave them.
	slices.SortStableFunc(clean, func(a, b Point) int { return a.Day.Time().Compare(b.Day.Time()) })
	for i := 1; i < len(clean); i++ {
		a, b := clean[i-1], clean[i]
		if a.Day == b.Day && a.Size != b.Size {
			return nil, 0, fmt.Errorf("%s comes twice with different sizes (%d and %d)", a.Day, a.Size, b.Size)
		}
	}
	clean = slices.Compact(clean)
	for i := 1; i < len(clean); i++ {
		prev, day := clean[i-1].Day, clean[i].Day
		if next := prev.AddDays(1); next != day {
			return nil, 0, fmt.Errorf("%s missing: the series skips from %s to %s, and a series has one point per day",
				missingDays(next, day.AddDays(-1)), prev, day)
		}
	}
	return clean, len(points) - len(clean), nil
}

// checkSize refuses a size no segment can have.
func checkSize(size int64) error {
	if size < 0 {
		return fmt.Errorf("%d is negative", size)
	}
	if size > MaxSize {
		return fmt.Errorf("%d is implausible (more than %d)", size, MaxSize)
	}
	return nil
}

// missingDays names the days from first to last: "2026-11-25 is" or
// "2026-11-25 to 2026-11-27 (3 days) are".
func missingDays(first, last Date) string {
	if first == last {
		return first.String() + " is"
	}
	return fmt.Sprintf("%s to %s (%d days) are", first, last, daysBetween(first, last)+1)
}

// wirePoint is a point as /segments/data_series sends it: the size is kept
// as written, so that a size no int64 holds (1e30, 12.5, "12") is refused
// in the API's terms, naming the point, rather than by the JSON decoder.
type wirePoint struct {
	Day  Date            `json:"time"`
	Size json.RawMessage `json:"size"`
}

// wirePoints converts the points as sent; CleanPoints checks them next.
func wirePoints(in []wirePoint) ([]Point, error) {
	out := make([]Point, len(in))
	for i, w := range in {
		size, err := sizeOf(w.Size)
		if err != nil {
			return nil, fmt.Errorf("data[%d].size: %w", i, err)
		}
		out[i] = Point{Day: w.Day, Size: size}
	}
	return out, nil
}

// sizeOf reads a size as sent: a whole number of users, written as an
// integer or as a number with an exponent or a zero fraction (1e3, 7.0).
// A missing or null size is 0, as the decoder always read it. A size
// within int64 is returned for checkSize to judge.
func sizeOf(raw json.RawMessage) (int64, error) {
	s := string(raw)
	if s == "" || s == "null" {
		return 0, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("%s is not a number of users", oneLine(s, 40))
	}
	switch {
	case f != math.Trunc(f) && !math.IsInf(f, 0):
		return 0, fmt.Errorf("%s is not a whole number of users", s)
	case f > float64(MaxSize):
		return 0, fmt.Errorf("%s is implausible (more than %d)", s, MaxSize)
	case f < -float64(MaxSize):
		return 0, fmt.Errorf("%s is negative", s)
	}
	return int64(f), nil
}
