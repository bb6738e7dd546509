package output

import "github.com/segdash/segdash/client/monitor"

// SummaryOf is what rep covered, for the outputs' headers: scope says what
// was scanned, length is the window in days, and timedOut marks a scan
// that --timeout stopped.
func SummaryOf(rep *monitor.Report, scope string, length int, timedOut bool) ScanSummary {
	return ScanSummary{Scope: scope, Length: length, Through: rep.Through.String(), Total: rep.Total,
		Done: rep.Done, Failed: rep.Failed, Cancelled: rep.Cancelled, TimedOut: timedOut && rep.Cancelled,
		Duration: rep.Finished.Sub(rep.Started), Finished: rep.Finished}
}
