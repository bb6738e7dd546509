package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/check"
	"github.com/segdash/segdash/ui/output"
)

// CheckFlags are the flags of `segdash check`.
type CheckFlags struct {
	Length   int
	Watch    string
	EndingAt string
	Format   string
	Min      int64
	MaxDrop  float64
	CritMin  int64
	CritDrop float64
	Rules    bool
	Compare  string
}

// Register adds check's flags to fl.
func (f *CheckFlags) Register(fl *pflag.FlagSet) {
	// No flag default: the config file's length applies unless --length is
	// given, and the help says so once.
	fl.IntVar(&f.Length, "length", 0, "days of data, 1..365; past 100 days a request per 100-day chunk (default: length in the config file, else 30)")
	fl.StringVar(&f.Watch, "watch", "", "check the segments of this watchlist from the config file (as well as any SEGMENT)")
	fl.StringVar(&f.EndingAt, "ending-at", "", "end of the window (YYYY-MM-DD or an ISO-8601 time); the series ends the day before")
	fl.StringVar(&f.Format, "format", "chart", "output: "+strings.Join(output.Formats(), ", "))
	fl.Int64Var(&f.Min, "min", 0, "breach when a segment's latest size is below this")
	fl.Float64Var(&f.MaxDrop, "max-drop", 0, "breach when a segment fell more than this percent over the window")
	fl.Int64Var(&f.CritMin, "critical-min", 0, "a critical breach when a segment's latest size is below this (at most --min)")
	fl.Float64Var(&f.CritDrop, "critical-max-drop", 0, "a critical breach when a segment fell more than this percent over the window (at least --max-drop)")
	fl.StringVar(&f.Compare, "compare", "", "add the previous period (same length, ending where this one starts) to the chart, json and csv: previous")
	fl.BoolVar(&f.Rules, "rules", false, "evaluate the config file's alert rules for these segments; a rule that fires is a breach")
}

// Thresholds are the limits given: each nil unless its flag was
// (changed says which were).
func (f *CheckFlags) Thresholds(changed func(string) bool) check.Thresholds {
	var t check.Thresholds
	if changed("min") {
		t.Min = &f.Min
	}
	if changed("critical-min") {
		t.CriticalMin = &f.CritMin
	}
	if changed("max-drop") {
		t.MaxDrop = &f.MaxDrop
	}
	if changed("critical-max-drop") {
		t.CriticalMaxDrop = &f.CritDrop
	}
	return t
}

// Validate checks the flags and the SEGMENT arguments before anything is
// fetched, and gives the end of the window (zero without --ending-at).
// Every error it returns is a usage error.
func (f *CheckFlags) Validate(changed func(string) bool, args []string) (time.Time, error) {
	if len(args) == 0 && f.Watch == "" {
		return time.Time{}, errors.New("check needs at least one SEGMENT (an id or an exact name) or --watch NAME; see segdash check --help")
	}
	if changed("length") {
		if err := client.CheckWindow(f.Length); err != nil {
			return time.Time{}, fmt.Errorf("--length: %v", err)
		}
	}
	if !slices.Contains(output.Formats(), f.Format) {
		return time.Time{}, fmt.Errorf("--format %q: want one of %s", f.Format, strings.Join(output.Formats(), ", "))
	}
	if err := f.Thresholds(changed).Validate(); err != nil {
		return time.Time{}, err
	}
	if changed("compare") && f.Compare != "previous" {
		return time.Time{}, fmt.Errorf("--compare %q: the only comparison is previous (the period of the same length before this one)", f.Compare)
	}
	var end time.Time
	if f.EndingAt != "" {
		t, err := ParseEndingAt(f.EndingAt)
		if err != nil {
			return time.Time{}, err
		}
		end = t
	}
	for _, a := range args {
		if strings.TrimSpace(a) == "" {
			return time.Time{}, errors.New("an empty SEGMENT was given")
		}
	}
	return end, nil
}
