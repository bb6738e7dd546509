package monitor

import (
	"slices"

	"github.com/segdash/segdash/client"
)

// Settle makes r ready to write: the silences that hold in workspace on
// day today mark the alerts they cover, alerts of at least incidentMin
// segments moving together are grouped into incidents, and the rows are
// put in order (one of SortOrders). It marks r's own alerts: a report a
// hub shares with other viewers is settled on a Copy.
func (r *Report) Settle(silences []Silence, workspace string, today client.Date, incidentMin int, order string) ([]Row, []IncidentRow) {
	ApplySilences(r.Results, silences, workspace, today)
	incidents := IncidentsOf(r.Results, incidentMin)
	rows := Rows(r)
	SortRows(rows, order)
	return rows, incidents
}

// Copy is r with results and alerts of its own, so that settling it
// leaves r as every other viewer of the scan sees it (series and stats
// are read only, and shared).
func (r *Report) Copy() *Report {
	c := *r
	c.Results = slices.Clone(r.Results)
	for i := range c.Results {
		c.Results[i].Alerts = slices.Clone(c.Results[i].Alerts)
	}
	return &c
}
