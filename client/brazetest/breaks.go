package brazetest

import (
	"slices"

	"github.com/segdash/segdash/client"
)

// PlantBreaks makes a few tracked segments of some size break on day: the
// segment falls (to 55 %) or jumps (to 170 %) that day and stays there, as
// when a data sync stops or a filter is edited. It returns the ids of the
// broken segments, falls first. The demo plants breaks on yesterday so that
// a scan has something to find; the monitoring tests measure the anomaly
// detector's recall on them. A workspace too small for breaks gets none.
func (w *Workspace) PlantBreaks(day client.Date) (falls, jumps []string) {
	return w.plant(day, func(s *SegmentSpec, d int, factor float64) { s.stepDay, s.stepFactor = d, factor })
}

// PlantRollingBreaks is PlantBreaks for a clock that keeps moving (the
// demo's time-lapse): the broken segments fall or jump on whatever day is
// the newest one the API answers, so a scan finds them at any time. day is
// the first such day, near which the generator's own steps are cleared.
func (w *Workspace) PlantRollingBreaks(day client.Date) (falls, jumps []string) {
	return w.plant(day, func(s *SegmentSpec, _ int, factor float64) { s.rolling = factor })
}

// plant picks the segments to break and breaks them with set.
func (w *Workspace) plant(day client.Date, set func(s *SegmentSpec, d int, factor float64)) (falls, jumps []string) {
	d := int(day.Time().Sub(refDay).Hours() / 24)
	// Clear any step the generator put on or right before the day, so that
	// only the planted segments break there.
	for _, s := range w.Segments {
		if s.stepDay > d-3 && s.stepDay <= d {
			s.stepDay = d + 100000
		}
	}
	var picked []*SegmentSpec
	for i, s := range w.Segments {
		if i >= 5 && s.Tracked && !s.Archived && s.base >= 2000 && s.CreatedAt.Before(day.Time().AddDate(0, -4, 0)) {
			picked = append(picked, s)
		}
		if len(picked) == 4 {
			break
		}
	}
	for i, s := range picked {
		if i%2 == 0 {
			set(s, d, 0.55)
			falls = append(falls, s.ID)
		} else {
			set(s, d, 1.7)
			jumps = append(jumps, s.ID)
		}
	}
	return slices.Clip(falls), slices.Clip(jumps)
}
