package snapshot

import (
	"slices"

	"github.com/segdash/segdash/client"
)

// maxChunks bounds the closed chunks kept (the most recently fetched).
const maxChunks = 2000

// merge joins what a process saves (snap) with what the file holds (old,
// possibly saved meanwhile by another process), so that neither loses the
// other's data: the newer complete listing wins whole (a listing is one
// answer; mixing two would make a list no one saw), and series and chunks
// are joined, the newer fetch of one key winning. snap is not changed.
func merge(old, snap *Snapshot) *Snapshot {
	out := *snap
	if old == nil {
		return &out
	}
	if snap.Segments == nil || snap.ListedAt.Before(old.ListedAt) {
		out.Segments, out.ListedAt, out.Pages = old.Segments, old.ListedAt, old.Pages
	}
	out.Series = union(old.Series, snap.Series)
	out.Chunks = union(old.Chunks, snap.Chunks)
	return &out
}

// union joins two lists of series, one per key, the newer fetch winning.
func union(a, b []Series) []Series {
	if len(a) == 0 {
		return b
	}
	at := make(map[client.SeriesKey]int, len(a)+len(b))
	out := make([]Series, 0, len(a)+len(b))
	for _, list := range [][]Series{a, b} {
		for _, s := range list {
			k := normalKey(s)
			if i, ok := at[k]; ok {
				if out[i].Fetched.Before(s.Fetched) {
					out[i] = s
				}
				continue
			}
			at[k] = len(out)
			out = append(out, s)
		}
	}
	return out
}

// normalKey is the series' key with its end in UTC, so that one instant
// written in two zones is one key.
func normalKey(s Series) client.SeriesKey {
	k := s.Key()
	if !k.EndingAt.IsZero() {
		k.EndingAt = k.EndingAt.UTC()
	}
	return k
}

// bound keeps the newest max series, and only those that pass the checks
// an API answer passes (client.CheckLength, client.CleanPoints): nothing
// unchecked is written.
func bound(list []Series, max int) []Series {
	out := make([]Series, 0, min(len(list), max))
	for _, s := range list {
		if s.SegmentID == "" || client.CheckLength(s.Length) != nil {
			continue
		}
		points, _, err := client.CleanPoints(s.Points, s.Length)
		if err != nil {
			continue
		}
		s.Points = points
		out = append(out, s)
	}
	if len(out) > max {
		slices.SortStableFunc(out, func(a, b Series) int { return b.Fetched.Compare(a.Fetched) })
		out = out[:max]
	}
	return out
}

// validSegments drops listed segments without an id (no API answer has
// them; a hand-edited file might).
func validSegments(segs []client.Segment) []client.Segment {
	if segs == nil {
		return nil
	}
	return slices.DeleteFunc(slices.Clone(segs), func(s client.Segment) bool { return s.ID == "" })
}
