package monitor

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Row is one segment of a scan as the outputs write it (JSON field names
// are part of the CLI contract).
type Row struct {
	SegmentID   string   `json:"segment_id"`
	SegmentName string   `json:"segment_name"`
	Tags        []string `json:"tags"`
	// Status is "ok", "tracking off", "failed" or "not reached".
	Status          string   `json:"status"`
	Latest          *Latest  `json:"latest"`
	DayChange       *int64   `json:"day_change"`
	DayChangePct    *float64 `json:"day_change_pct"`
	WindowChange    *int64   `json:"window_change"`
	WindowChangePct *float64 `json:"window_change_pct"`
	Anomaly         bool     `json:"anomaly"`
	Score           float64  `json:"score"`
	Alerts          []Alert  `json:"alerts"`
	Error           string   `json:"error,omitempty"`
}

// Latest is the newest point of a row.
type Latest struct {
	Date string `json:"date"`
	Size int64  `json:"size"`
}

// Status values of a Row.
const (
	StatusOK          = "ok"
	StatusTrackingOff = "tracking off"
	StatusFailed      = "failed"
	StatusNotReached  = "not reached"
)

// RowOf turns a result into a row.
func RowOf(r Result) Row {
	row := Row{SegmentID: r.Segment.ID, SegmentName: r.Segment.Name, Tags: r.Segment.Tags,
		Anomaly: r.Stats.Anomaly, Score: math.Round(r.Stats.Score*10) / 10, Alerts: r.Alerts}
	if row.Tags == nil {
		row.Tags = []string{}
	}
	if row.Alerts == nil {
		row.Alerts = []Alert{}
	}
	switch {
	case !r.Done:
		row.Status = StatusNotReached
	case r.TrackingOff():
		row.Status = StatusTrackingOff
	case r.Err != nil:
		row.Status, row.Error = StatusFailed, r.Err.Error()
	default:
		row.Status = StatusOK
	}
	st := r.Stats
	if st.HasLatest {
		row.Latest = &Latest{Date: st.Latest.Day.String(), Size: st.Latest.Size}
	}
	if st.HasDay {
		row.DayChange, row.WindowChange = &st.DayChange, &st.WindowChange
		row.DayChangePct, row.WindowChangePct = finite(st.DayPct), finite(st.WindowPct)
	}
	return row
}

// finite rounds p to 0.01 and returns nil for NaN or infinity (JSON has
// neither).
func finite(p float64) *float64 {
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return nil
	}
	v := math.Round(p*100) / 100
	return &v
}

// Rows turns a report into rows, in the report's order.
func Rows(rep *Report) []Row {
	out := make([]Row, len(rep.Results))
	for i, r := range rep.Results {
		out[i] = RowOf(r)
	}
	return out
}

// Orders a scan can be sorted by.
const (
	ByScore  = "score"  // anomalies first, then by |score|
	ByDay    = "day"    // the largest newest-day change (in %) first
	ByWindow = "window" // the largest window change (in %) first
	ByName   = "name"
)

// SortOrders lists the valid orders, for messages.
func SortOrders() []string { return []string{ByScore, ByDay, ByWindow, ByName} }

// SortRows orders rows in place by one of SortOrders (rows with no data
// last, ties by name then id, so the order is stable). It reports false
// for an unknown order.
func SortRows(rows []Row, by string) bool {
	key := func(r Row) (float64, bool) {
		switch by {
		case ByScore:
			s := math.Abs(r.Score)
			if r.Anomaly || len(r.Alerts) > 0 {
				s += 1e6
			}
			return s, r.Status == StatusOK || len(r.Alerts) > 0
		case ByDay:
			return absPct(r.DayChangePct, r.DayChange)
		case ByWindow:
			return absPct(r.WindowChangePct, r.WindowChange)
		}
		return 0, true
	}
	if !slices.Contains(SortOrders(), by) {
		return false
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		ka, oka := key(a)
		kb, okb := key(b)
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(kb, ka); c != 0 {
			return c
		}
		if c := strings.Compare(strings.ToLower(a.SegmentName), strings.ToLower(b.SegmentName)); c != 0 {
			return c
		}
		return strings.Compare(a.SegmentID, b.SegmentID)
	})
	return true
}

// absPct is a change's magnitude for sorting: its percentage, or (for a
// change from zero) its size, which outranks every percentage.
func absPct(p *float64, abs *int64) (float64, bool) {
	switch {
	case p != nil:
		return math.Abs(*p), true
	case abs != nil && *abs != 0:
		return math.Inf(1), true
	case abs != nil:
		return 0, true
	}
	return 0, false
}

// Fired counts the rows with an alert that is not silenced (a rule or an
// anomaly).
func Fired(rows []Row) int {
	n := 0
	for _, r := range rows {
		if len(Firing(r.Alerts)) > 0 {
			n++
		}
	}
	return n
}
