package check

import (
	"strings"
	"testing"
)

func TestThresholdsValidate(t *testing.T) {
	i := func(v int64) *int64 { return &v }
	f := func(v float64) *float64 { return &v }
	for want, th := range map[string]Thresholds{
		"":                         {Min: i(10), CriticalMin: i(5), MaxDrop: f(5), CriticalMaxDrop: f(20)},
		"--min must not":           {Min: i(-1)},
		"--critical-min must not":  {CriticalMin: i(-1)},
		"is above --min":           {Min: i(5), CriticalMin: i(10)},
		"--max-drop is a percent":  {MaxDrop: f(101)},
		"--critical-max-drop is a": {CriticalMaxDrop: f(-1)},
		"is below --max-drop":      {MaxDrop: f(20), CriticalMaxDrop: f(5)},
	} {
		err := th.Validate()
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%q: %v", want, err)
		}
	}
}
