package output

import (
	"bytes"
	"testing"

	"github.com/segdash/segdash/client/monitor"
)

func TestScanNotes(t *testing.T) {
	if ScanPrefix("") != "segdash: " || ScanPrefix("us") != "segdash: workspace us: " {
		t.Errorf("prefix: %q %q", ScanPrefix(""), ScanPrefix("us"))
	}
	var b bytes.Buffer
	ScanStarting(&b, "p: ", []string{"w1"}, "scanning 2 segments")
	if got := b.String(); got != "p: warning: w1\np: scanning 2 segments\n" {
		t.Errorf("starting: %q", got)
	}
	b.Reset()
	progress, stopped := ScanProgress(&b, "p: ", false)
	stopped(&monitor.Report{Cancelled: true})
	if progress != nil || b.Len() != 0 {
		t.Errorf("not a terminal: %q", b.String())
	}
	progress, stopped = ScanProgress(&b, "p: ", true)
	progress(monitor.Progress{Done: 1, Total: 2})
	stopped(&monitor.Report{Cancelled: true, Progress: monitor.Progress{Done: 1, Total: 2}})
	if got := b.String(); got != "\r\x1b[Kscanned 1 of 2"+ClearLine+"p: stopped: scanned 1 of 2 segments\n" {
		t.Errorf("terminal: %q", got)
	}
}
