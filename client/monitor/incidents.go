package monitor

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/num"
)

// DefaultIncidentMin is how many segments must move together, on one day
// and in one direction, before their alerts read as one incident.
const DefaultIncidentMin = 3

// Direction is which way an incident's segments moved on its day.
type Direction string

// The two directions of an incident: segments that moved opposite ways are
// never one incident.
const (
	Fell Direction = "fell"
	Rose Direction = "rose"
)

// Incident is alerts of several segments that are one event: they fired
// for segments whose newest day is the same, that moved the same way that
// day, and, where they have one, share a tag. A person reading twelve
// alerts from one failed import sees one line, with the segments under it.
type Incident struct {
	// Date is the day they moved; Direction which way.
	Date      client.Date
	Direction Direction
	// Tag is the tag every segment of the incident carries ("" when the
	// segments share none).
	Tag string
	// Members are the indexes, in the results given, of its segments,
	// in that order.
	Members []int
	// MinPct and MaxPct bound the newest day's change of the members, in
	// percent (NaN when none has a percent: every base was 0).
	MinPct, MaxPct float64
}

// incidentKey is what the members of one incident share.
type incidentKey struct {
	date client.Date
	dir  Direction
	tag  string
}

// Incidents groups the firing alerts of results into incidents of at
// least min segments (min < 2: DefaultIncidentMin). A segment joins an
// incident when it has an alert that is not silenced, its series was had,
// and its newest day moved; segments that share a tag are grouped by it
// first (the largest group first, a segment in one incident only), then
// what is left by day and direction alone. A lone break stays a lone alert.
func Incidents(results []Result, min int) []Incident {
	if min < 2 {
		min = DefaultIncidentMin
	}
	left := map[int]bool{}
	for i, r := range results {
		if r.Done && r.Err == nil && r.Stats.HasDay && r.Stats.DayChange != 0 && len(Firing(r.Alerts)) > 0 {
			left[i] = true
		}
	}
	var out []Incident
	for _, byTag := range []bool{true, false} {
		for {
			k, members := largestGroup(results, left, byTag)
			if len(members) < min {
				break
			}
			for _, i := range members {
				delete(left, i)
			}
			out = append(out, newIncident(results, k, members))
		}
	}
	slices.SortStableFunc(out, func(a, b Incident) int {
		if c := cmp.Compare(len(b.Members), len(a.Members)); c != 0 {
			return c
		}
		return cmp.Compare(a.Members[0], b.Members[0])
	})
	return out
}

// largestGroup finds the key that most of the segments left share, by tag
// (in any case, spelt as first met) when byTag is set; ties go to the key
// met first in results' order.
func largestGroup(results []Result, left map[int]bool, byTag bool) (incidentKey, []int) {
	groups := map[incidentKey][]int{}
	spelt := map[incidentKey]string{}
	var order []incidentKey
	for i := range results {
		if !left[i] {
			continue
		}
		st := results[i].Stats
		dir := Rose
		if st.DayChange < 0 {
			dir = Fell
		}
		tags := []string{""}
		if byTag {
			tags = uniqueFolded(results[i].Segment.Tags)
		}
		for _, t := range tags {
			k := incidentKey{date: st.Latest.Day, dir: dir, tag: strings.ToLower(t)}
			if _, ok := groups[k]; !ok {
				order = append(order, k)
				spelt[k] = t
			}
			groups[k] = append(groups[k], i)
		}
	}
	var best incidentKey
	var members []int
	for _, k := range order {
		if len(groups[k]) > len(members) {
			best, members = k, groups[k]
		}
	}
	best.tag = spelt[best]
	return best, members
}

// uniqueFolded is tags without repeats that differ only in case (tags are
// matched case-insensitively, like names).
func uniqueFolded(tags []string) []string {
	var out []string
	for _, t := range tags {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, t) }) {
			out = append(out, t)
		}
	}
	return out
}

func newIncident(results []Result, k incidentKey, members []int) Incident {
	in := Incident{Date: k.date, Direction: k.dir, Tag: k.tag, Members: members, MinPct: math.NaN(), MaxPct: math.NaN()}
	for _, i := range members {
		p := results[i].Stats.DayPct
		if math.IsNaN(p) {
			continue
		}
		p = math.Abs(p)
		if math.IsNaN(in.MinPct) || p < in.MinPct {
			in.MinPct = p
		}
		if math.IsNaN(in.MaxPct) || p > in.MaxPct {
			in.MaxPct = p
		}
	}
	return in
}

// Summary says what the incident is in one line: "6 segments tagged
// warehouse fell 49–50% on Dec 5 2026".
func (in Incident) Summary() string {
	var b strings.Builder
	b.WriteString(num.Grouped(int64(len(in.Members))))
	b.WriteString(" segments")
	if in.Tag != "" {
		b.WriteString(" tagged ")
		b.WriteString(in.Tag)
	}
	b.WriteString(" ")
	b.WriteString(string(in.Direction))
	if !math.IsNaN(in.MinPct) {
		lo, hi := num.Fixed(in.MinPct, 0), num.Fixed(in.MaxPct, 0)
		b.WriteString(" ")
		if lo == hi {
			b.WriteString(lo)
		} else {
			b.WriteString(lo + "–" + hi)
		}
		b.WriteString("%")
	}
	b.WriteString(" on ")
	b.WriteString(in.Date.Time().Format("Jan 2 2006"))
	return b.String()
}

// IncidentRow is an incident as the outputs write it (JSON field names are
// part of the CLI contract).
type IncidentRow struct {
	Date      string            `json:"date"`
	Direction Direction         `json:"direction"`
	Tags      []string          `json:"tags"`
	Summary   string            `json:"summary"`
	Segments  []IncidentSegment `json:"segments"`
}

// IncidentSegment is one segment of an incident.
type IncidentSegment struct {
	SegmentID   string `json:"segment_id"`
	SegmentName string `json:"segment_name"`
}

// IncidentRows turns incidents found in results into rows.
func IncidentRows(results []Result, incs []Incident) []IncidentRow {
	out := make([]IncidentRow, len(incs))
	for i, in := range incs {
		row := IncidentRow{Date: in.Date.String(), Direction: in.Direction, Tags: []string{}, Summary: in.Summary()}
		if in.Tag != "" {
			row.Tags = []string{in.Tag}
		}
		for _, m := range in.Members {
			s := results[m].Segment
			row.Segments = append(row.Segments, IncidentSegment{SegmentID: s.ID, SegmentName: s.Name})
		}
		out[i] = row
	}
	return out
}

// Has says whether the incident row holds the segment id.
func (r IncidentRow) Has(id string) bool {
	return slices.ContainsFunc(r.Segments, func(s IncidentSegment) bool { return s.SegmentID == id })
}

// IncidentsOf is the incidents of a scan's results as the outputs write
// them: the groups of at least min segments (Incidents), as rows. The
// command line and the dashboard's scan view call it alike.
func IncidentsOf(results []Result, min int) []IncidentRow {
	return IncidentRows(results, Incidents(results, min))
}
