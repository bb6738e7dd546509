package chartpane

import "github.com/segdash/segdash/client"

// dataStart is where the charted data starts: the earliest first day with
// a size above zero among the series (Series.DataStart), 0 when none has
// data. Braze reports zero for the days before a segment existed; a year's
// chart of a two-month-old segment starts where its data does instead of
// ten months of a flat zero line.
func dataStart(all ...*client.Series) int {
	start, found := 0, false
	for _, s := range all {
		if i, ok := s.DataStart(); ok && (!found || i < start) {
			start, found = i, true
		}
	}
	return start
}

// from drops the first start points (never all of them).
func from(pts []client.Point, start int) []client.Point {
	return pts[min(start, max(0, len(pts)-1)):]
}

// startNote says where the chart starts when that is not the window's
// first day, "" otherwise.
func startNote(pts []client.Point, start int) string {
	if start <= 0 || start >= len(pts) {
		return ""
	}
	return "data starts on " + pts[start].Day.Time().Format("Jan 02 2006") + " (Braze has no sizes before)"
}
