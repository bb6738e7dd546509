package check

import (
	"fmt"
	"math"
)

// Validate says what is wrong with t as given on the command line (each
// limit under its flag's name): a negative size, a percentage outside
// 0..100, or a critical limit milder than its warning counterpart.
func (t Thresholds) Validate() error {
	if t.Min != nil && *t.Min < 0 {
		return fmt.Errorf("--min must not be negative")
	}
	if t.CriticalMin != nil && *t.CriticalMin < 0 {
		return fmt.Errorf("--critical-min must not be negative")
	}
	if t.Min != nil && t.CriticalMin != nil && *t.CriticalMin > *t.Min {
		return fmt.Errorf("--critical-min %d is above --min %d: the critical limit is the lower one", *t.CriticalMin, *t.Min)
	}
	for _, d := range []struct {
		name string
		v    *float64
	}{{"max-drop", t.MaxDrop}, {"critical-max-drop", t.CriticalMaxDrop}} {
		if d.v != nil && (*d.v < 0 || *d.v > 100 || math.IsNaN(*d.v)) {
			return fmt.Errorf("--%s is a percentage from 0 to 100, got %v", d.name, *d.v)
		}
	}
	if t.MaxDrop != nil && t.CriticalMaxDrop != nil && *t.CriticalMaxDrop < *t.MaxDrop {
		return fmt.Errorf("--critical-max-drop %v is below --max-drop %v: the critical limit is the higher one", *t.CriticalMaxDrop, *t.MaxDrop)
	}
	return nil
}
