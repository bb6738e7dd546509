package output

import (
	"fmt"
	"math"
	"strings"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/client/monitor"
)

// NagiosCheck is a check's Nagios answer: CRITICAL when a critical
// threshold or rule is broken, WARNING when only warnings are, UNKNOWN when
// segments could not be checked and nothing was broken, else OK. Each
// segment's latest size is a datum with --min and --critical-min as
// ranges, and, with --max-drop or --critical-max-drop, its fall over the
// window another, so that a threshold parser reads each value as the
// status says.
//
// problems are the segments that could not be checked, one line each.
func NagiosCheck(results []Result, problems []string, th check.Thresholds) Nagios {
	var crit, warn int
	var items, details []string
	var perf []NagiosPerf
	for _, r := range results {
		title := r.title()
		var fired []string
		for i, b := range r.Breaches {
			a := monitor.Alert{Rule: b, Severity: monitor.Warning}
			if i < len(r.Alerts) {
				a = r.Alerts[i]
			}
			state := "WARNING"
			if a.Severity == monitor.Critical {
				state = "CRITICAL"
				crit++
			} else {
				warn++
			}
			details = append(details, state+" "+title+": "+SafeText(b))
			fired = append(fired, SafeText(a.Rule))
		}
		if len(fired) > 0 {
			items = append(items, title+": "+strings.Join(fired, ", "))
		}
		latest, ok := r.Latest()
		if !ok {
			continue
		}
		size := NagiosPerf{Label: title, Value: float64(latest.Size), Min: "0"}
		if th.Min != nil {
			size.Warn = NagiosBelow(float64(*th.Min))
		}
		if th.CriticalMin != nil {
			size.Crit = NagiosBelow(float64(*th.CriticalMin))
		}
		perf = append(perf, size)
		if th.MaxDrop == nil && th.CriticalMaxDrop == nil {
			continue
		}
		if drop, ok := check.Drop(&client.Series{Points: r.Points}); ok {
			d := NagiosPerf{Label: title + " drop", Value: math.Round(drop*100) / 100, UOM: "%", Max: "100"}
			if th.MaxDrop != nil {
				d.Warn = NagiosAbove(*th.MaxDrop)
			}
			if th.CriticalMaxDrop != nil {
				d.Crit = NagiosAbove(*th.CriticalMaxDrop)
			}
			perf = append(perf, d)
		}
	}
	for _, p := range problems {
		details = append(details, "UNKNOWN "+SafeText(p))
	}
	n := Nagios{State: NagiosOK, Details: details, Perf: perf}
	total := len(results) + len(problems)
	switch {
	case crit > 0:
		n.State = NagiosCritical
	case warn > 0:
		n.State = NagiosWarning
	case len(problems) > 0:
		n.State = NagiosUnknown
	}
	switch {
	case crit+warn > 0:
		n.Text = fmt.Sprintf("%d critical, %d warning: %s", crit, warn, strings.Join(items, "; "))
	case len(problems) > 0:
		n.Text = fmt.Sprintf("%s of %s segments could not be checked: %s", Grouped(int64(len(problems))), Grouped(int64(total)), SafeText(problems[0]))
	default:
		n.Text = fmt.Sprintf("%d segment%s within thresholds", len(results), plural(len(results)))
	}
	if len(problems) > 0 && crit+warn > 0 {
		n.Text = fmt.Sprintf("%s of %s segments could not be checked; %s", Grouped(int64(len(problems))), Grouped(int64(total)), n.Text)
	}
	return n
}
