package output

// This file compares a period with the previous one (`check --compare
// previous`): the change of the average daily size, for the chart's stats
// line and the JSON, and the CSV with a period column.

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/segdash/segdash/client"
)

// Comparison is a period against the previous one of the same length. It
// compares the periods' average daily sizes, not their last days: Braze's
// daily sizes are sampled estimates, and one noisy day should not decide
// whether this month is above the last.
type Comparison struct {
	// Days is the length of each period.
	Days int
	// Average and PreviousAverage are the mean daily sizes.
	Average, PreviousAverage float64
	// Pct is the change of the average in percent of the previous one;
	// HasPct is false when the previous average is 0.
	Pct    float64
	HasPct bool
}

// Compare compares r's period with its previous one; false when r has no
// previous period or either has no points.
func (r Result) Compare() (Comparison, bool) {
	if len(r.Previous) == 0 || len(r.Points) == 0 {
		return Comparison{}, false
	}
	c := Comparison{Days: len(r.Points), Average: mean(r.Points), PreviousAverage: mean(r.Previous)}
	if c.PreviousAverage != 0 {
		c.Pct = (c.Average - c.PreviousAverage) / math.Abs(c.PreviousAverage) * 100
		c.HasPct = true
	}
	return c, true
}

// Label names the previous period: "previous 30 days".
func (c Comparison) Label() string { return fmt.Sprintf("previous %d days", c.Days) }

// String is the stats line: "vs previous 30 days: +4.1%".
func (c Comparison) String() string {
	if !c.HasPct {
		return "vs " + c.Label() + ": n/a (no users then)"
	}
	return fmt.Sprintf("vs %s: %+.1f%%", c.Label(), c.Pct)
}

// mean is the average size of points, as a running mean: a sum of sizes
// could overflow.
func mean(points []client.Point) float64 {
	m := 0.0
	for i, p := range points {
		m += (float64(p.Size) - m) / float64(i+1)
	}
	return m
}

// jsonPrevious is the previous period in `check --format json`.
type jsonPrevious struct {
	Length          int         `json:"length"`
	Points          []jsonPoint `json:"points"`
	Average         float64     `json:"average"`
	CurrentAverage  float64     `json:"current_average"`
	ChangePct       *float64    `json:"change_pct"`
	ComparedBy      string      `json:"compared_by"`
	ComparisonLabel string      `json:"comparison"`
}

// previousJSON is r's previous period for the JSON, nil when not compared.
func previousJSON(r Result) *jsonPrevious {
	if r.Previous == nil {
		return nil
	}
	jp := &jsonPrevious{Length: len(r.Previous), Points: jsonPoints(r.Previous), ComparedBy: "average"}
	if c, ok := r.Compare(); ok {
		jp.Average, jp.CurrentAverage, jp.ComparisonLabel = round1(c.PreviousAverage), round1(c.Average), c.String()
		if c.HasPct {
			pct := round1(c.Pct)
			jp.ChangePct = &pct
		}
	}
	return jp
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// jsonPoints converts points for the JSON (never nil: an empty list).
func jsonPoints(points []client.Point) []jsonPoint {
	out := make([]jsonPoint, 0, len(points))
	for _, p := range points {
		out = append(out, jsonPoint{p.Day, p.Size})
	}
	return out
}

// writePeriodCSV writes every point of every result and of its previous
// period as CSV with the header segment_id,segment_name,date,size,period
// (period: current or previous), and returns the number of data rows. The
// new column comes last, so readers of the usual columns need no change.
func writePeriodCSV(w io.Writer, results []Result) (rows int, err error) {
	cw := csv.NewWriter(w)
	cw.Write([]string{"segment_id", "segment_name", "date", "size", "period"})
	for _, r := range results {
		id, name := CSVText(r.Segment.ID), CSVText(r.Segment.Name)
		for _, part := range []struct {
			period string
			points []client.Point
		}{{"previous", r.Previous}, {"current", r.Points}} {
			for _, p := range part.points {
				cw.Write([]string{id, name, p.Day.String(), strconv.FormatInt(p.Size, 10), part.period})
				rows++
			}
		}
	}
	cw.Flush()
	return rows, cw.Error()
}

// compared says whether any result carries a previous period.
func compared(results []Result) bool {
	for _, r := range results {
		if r.Previous != nil {
			return true
		}
	}
	return false
}
