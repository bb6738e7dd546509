package monitor

import "github.com/segdash/segdash/client"

// Settle makes r ready to write: the silences that hold in workspace on
// day today mark the alerts they cover, alerts of at least incidentMin
// segments moving together are grouped into incidents, and the rows are
// put in order (one of SortOrders).
func (r *Report) Settle(silences []Silence, workspace string, today client.Date, incidentMin int, order string) ([]Row, []IncidentRow) {
	ApplySilences(r.Results, silences, workspace, today)
	incidents := IncidentsOf(r.Results, incidentMin)
	rows := Rows(r)
	SortRows(rows, order)
	return rows, incidents
}
