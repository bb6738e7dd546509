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
	d := w.clearSteps(day)
	var picked []*SegmentSpec
	for i, s := range w.Segments {
		if w.breakable(i, day) {
			picked = append(picked, s)
		}
		if len(picked) == 4 {
			break
		}
	}
	for i, s := range picked {
		s.planted = true
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

// IncidentSize is how many segments PlantIncident breaks together.
const IncidentSize = 3

// PlantIncident makes IncidentSize tracked segments that share a tag fall
// together on day (to 50 %), as when one failed import empties every
// segment built on it, so that a scan has an incident to report. Call it
// after PlantBreaks: it picks among the segments those left alone. It
// returns the tag and the segments' ids; a workspace with no tag on enough
// segments gets no incident ("", nil).
func (w *Workspace) PlantIncident(day client.Date) (tag string, ids []string) {
	return w.plantIncident(day, func(s *SegmentSpec, d int, factor float64) { s.stepDay, s.stepFactor = d, factor })
}

// PlantRollingIncident is PlantIncident on whatever day is the newest one
// the API answers, as PlantRollingBreaks is PlantBreaks.
func (w *Workspace) PlantRollingIncident(day client.Date) (tag string, ids []string) {
	return w.plantIncident(day, func(s *SegmentSpec, _ int, factor float64) { s.rolling = factor })
}

// plantIncident picks the first tag, in the tag pool's order, that
// IncidentSize breakable segments left alone carry, and breaks the first
// IncidentSize of them with set.
func (w *Workspace) plantIncident(day client.Date, set func(s *SegmentSpec, d int, factor float64)) (string, []string) {
	d := w.clearSteps(day)
	for _, tag := range tagPool {
		var picked []*SegmentSpec
		for i, s := range w.Segments {
			if w.breakable(i, day) && !s.planted && slices.Contains(s.Tags, tag) {
				picked = append(picked, s)
			}
			if len(picked) == IncidentSize {
				break
			}
		}
		if len(picked) < IncidentSize {
			continue
		}
		ids := make([]string, len(picked))
		for i, s := range picked {
			set(s, d, 0.5)
			s.planted = true
			ids[i] = s.ID
		}
		return tag, ids
	}
	return "", nil
}

// clearSteps clears any step the generator put on or right before day, so
// that only the planted segments break there, and returns day's index.
func (w *Workspace) clearSteps(day client.Date) int {
	d := int(day.Time().Sub(refDay).Hours() / 24)
	for _, s := range w.Segments {
		if s.stepDay > d-3 && s.stepDay <= d && !s.planted {
			s.stepDay = d + 100000
		}
	}
	return d
}

// breakable reports whether the i-th segment may have a break planted on day:
// tracked, listed, of some size and old enough for a history.
func (w *Workspace) breakable(i int, day client.Date) bool {
	s := w.Segments[i]
	return i >= 5 && s.Tracked && !s.Archived && s.base >= 2000 && s.CreatedAt.Before(day.Time().AddDate(0, -4, 0))
}
