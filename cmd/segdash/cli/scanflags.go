package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/ui/output"
)

// ScanFlags are the flags of `segdash scan`.
type ScanFlags struct {
	Length   int
	EndingAt string
	Format   string
	Top      int
	Sort     string
	Tag      string
	Watch    string
	Filter   string
	// IncidentMin is how many segments moving together make an incident.
	IncidentMin int
	// Output is the file to write (atomically) instead of stdout.
	Output string
}

// Register adds scan's flags to fl; --length is annotated with own, as
// the command checks and applies it itself.
func (f *ScanFlags) Register(fl *pflag.FlagSet, own string) {
	fl.IntVar(&f.Length, "length", 0, "days of data, 1..365; past 100 days a request per 100-day chunk (default: length in the config file, else 30)")
	fl.SetAnnotation("length", own, []string{"true"})
	fl.StringVar(&f.EndingAt, "ending-at", "", "end of the window (YYYY-MM-DD or an ISO-8601 time); the series ends the day before")
	fl.StringVar(&f.Format, "format", "table", "output: "+strings.Join(output.ScanFormats(), ", "))
	fl.IntVar(&f.Top, "top", 0, "rows per table section (default 10); for json and csv, the rows written (default all)")
	fl.StringVar(&f.Sort, "sort", monitor.ByScore, "order of json and csv rows: "+strings.Join(monitor.SortOrders(), ", "))
	fl.StringVar(&f.Tag, "tag", "", "scan only the segments with this tag")
	fl.StringVar(&f.Watch, "watch", "", "scan only the segments of this watchlist")
	fl.StringVar(&f.Filter, "filter", "", "scan only the segments whose name contains this text (case-insensitive)")
	fl.IntVar(&f.IncidentMin, "incident-min", monitor.DefaultIncidentMin, "alerts of this many segments moving together (same day, same way) are one incident; at least 2")
	fl.StringVar(&f.Output, "output", "", "write to this file, atomically (replaced only when complete), instead of stdout")
}

// Validate checks the flags before anything is fetched and gives the end
// of the window (zero without --ending-at). Every error it returns is a
// usage error.
func (f *ScanFlags) Validate(changed func(string) bool) (time.Time, error) {
	if err := client.CheckWindow(f.Length); changed("length") && err != nil {
		return time.Time{}, fmt.Errorf("--length: %v", err)
	}
	if !slices.Contains(output.ScanFormats(), f.Format) {
		return time.Time{}, fmt.Errorf("--format %q: want %s", f.Format, strings.Join(output.ScanFormats(), ", "))
	}
	if !slices.Contains(monitor.SortOrders(), f.Sort) {
		return time.Time{}, fmt.Errorf("--sort %q: want %s", f.Sort, strings.Join(monitor.SortOrders(), ", "))
	}
	if f.IncidentMin < 2 {
		return time.Time{}, errors.New("--incident-min must be at least 2")
	}
	if f.Top < 0 {
		return time.Time{}, errors.New("--top must be 0 or more")
	}
	set := 0
	for _, s := range []string{f.Tag, f.Watch, f.Filter} {
		if s != "" {
			set++
		}
	}
	if set > 1 {
		return time.Time{}, errors.New("give at most one of --tag, --watch and --filter")
	}
	if f.EndingAt == "" {
		return time.Time{}, nil
	}
	return ParseEndingAt(f.EndingAt)
}
