package output

import (
	"fmt"
	"strings"

	"github.com/segdash/segdash/client/monitor"
)

// NagiosScan is a scan's Nagios answer. CRITICAL when a critical alert
// fires, WARNING when only warnings do (an anomaly no rule reports is a
// warning), UNKNOWN when segments could not be scanned and nothing fired,
// else OK; silenced alerts are listed but change nothing. The text names
// the incidents first, then the alerts outside them, and stays short; every
// alert is on a line of its own after it.
func NagiosScan(sum ScanSummary, rows []monitor.Row, incidents []monitor.IncidentRow) Nagios {
	var crit, warn, silenced, anomalies int
	var items, details []string
	inIncident := func(id string) bool {
		for _, in := range incidents {
			if in.Has(id) {
				return true
			}
		}
		return false
	}
	for _, in := range incidents {
		items = append(items, in.Summary)
		details = append(details, "INCIDENT "+in.Summary+": "+incidentNames(in))
	}
	for _, r := range rows {
		if r.Anomaly {
			anomalies++
		}
		var fired []string
		for _, a := range r.Alerts {
			line := SafeText(r.SegmentName) + ": " + SafeText(a.Rule+" - "+a.Reason)
			switch {
			case a.Silenced != "":
				silenced++
				details = append(details, "SILENCED "+line+" ("+SafeText(a.Silenced)+")")
				continue
			case a.Severity == monitor.Critical:
				crit++
				details = append(details, "CRITICAL "+line)
			default:
				warn++
				details = append(details, "WARNING "+line)
			}
			fired = append(fired, SafeText(a.Rule))
		}
		if len(fired) > 0 && !inIncident(r.SegmentID) {
			items = append(items, SafeText(r.SegmentName)+": "+strings.Join(fired, ", "))
		}
	}
	n := Nagios{State: NagiosOK}
	scanned := sum.Done - sum.Failed
	switch {
	case crit > 0:
		n.State = NagiosCritical
	case warn > 0:
		n.State = NagiosWarning
	case sum.Missing() > 0:
		n.State = NagiosUnknown
	}
	if sum.Missing() > 0 {
		details = append(details, fmt.Sprintf("%s of %s segments could not be scanned", Grouped(int64(sum.Missing())), Grouped(int64(sum.Total))))
	}
	switch {
	case crit+warn > 0:
		n.Text = fmt.Sprintf("%d critical, %d warning: %s", crit, warn, strings.Join(items, "; "))
	case sum.Missing() > 0:
		n.Text = fmt.Sprintf("%s of %s segments could not be scanned", Grouped(int64(sum.Missing())), Grouped(int64(sum.Total)))
	default:
		n.Text = Plural(scanned, "segment", "segments") + " scanned, nothing fired"
	}
	if silenced > 0 && crit+warn == 0 {
		n.Text += fmt.Sprintf(" (%d silenced)", silenced)
	}
	n.Details = details
	n.Perf = []NagiosPerf{
		{Label: "critical", Value: float64(crit), Crit: "0", Min: "0"},
		{Label: "warning", Value: float64(warn), Warn: "0", Min: "0"},
		{Label: "silenced", Value: float64(silenced), Min: "0"},
		{Label: "incidents", Value: float64(len(incidents)), Min: "0"},
		{Label: "anomalies", Value: float64(anomalies), Min: "0"},
		{Label: "scanned", Value: float64(scanned), Min: "0", Max: fmt.Sprint(sum.Total)},
		{Label: "failed", Value: float64(sum.Failed), Min: "0"},
		{Label: "missing", Value: float64(sum.Missing()), Min: "0"},
	}
	return n
}

// incidentNames lists an incident's segments by name.
func incidentNames(in monitor.IncidentRow) string {
	names := make([]string, len(in.Segments))
	for i, s := range in.Segments {
		names[i] = SafeText(s.SegmentName)
	}
	return strings.Join(names, ", ")
}
