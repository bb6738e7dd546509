package brazetest

import (
	"encoding/json"
	"net/url"
	"testing"
	"time"
)

type driftPoint struct {
	Time string `json:"time"`
	Size int64  `json:"size"`
}

// seriesAt asks h for id's 30 days up to now (the clock *now points to).
func seriesAt(t *testing.T, h *Handler, id string) []driftPoint {
	t.Helper()
	res, body := get(t, h, DemoKey, "/segments/data_series", url.Values{"segment_id": {id}, "length": {"30"}})
	if res.StatusCode != 200 {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	var out struct{ Data []driftPoint }
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	return out.Data
}

// TestDriftMovesTheNewestDayOnly: with Drift, the newest day's size moves
// a little from one step of the clock to the next (and not within one),
// older days never move, and the calendar turns only at midnight, as the
// demo needs: live numbers, a calendar that stays put.
func TestDriftMovesTheNewestDayOnly(t *testing.T) {
	ws := NewWorkspace(42, 300)
	now := time.Date(2026, 11, 16, 23, 59, 0, 0, time.UTC)
	h := newTestHandler(Options{Workspace: ws, Drift: 10 * time.Second, Now: func() time.Time { return now }})
	var id string
	for _, s := range ws.Listed() {
		if s.Tracked && s.base > 1e5 {
			id = s.ID
			break
		}
	}
	a := seriesAt(t, h, id)
	now = now.Add(3 * time.Second) // the same step of the clock
	if b := seriesAt(t, h, id); b[29] != a[29] {
		t.Errorf("newest moved within one step: %v then %v", a[29], b[29])
	}
	moved := 0
	prev := a
	for range 5 {
		now = now.Add(10 * time.Second)
		b := seriesAt(t, h, id)
		if b[29].Time != "2026-11-15" {
			t.Fatalf("the calendar moved before midnight: newest %s", b[29].Time)
		}
		for i := range 29 {
			if b[i] != a[i] {
				t.Errorf("day %s moved: %d then %d", b[i].Time, a[i].Size, b[i].Size)
			}
		}
		if b[29].Size != prev[29].Size {
			moved++
		}
		if r := float64(b[29].Size) / float64(a[29].Size); r < 0.98 || r > 1.02 {
			t.Errorf("newest moved by %.1f %%: more than a little", (r-1)*100)
		}
		prev = b
	}
	if moved < 4 {
		t.Errorf("the newest size moved at %d of 5 steps of 10 s", moved)
	}
	now = time.Date(2026, 11, 17, 0, 0, 1, 0, time.UTC) // past midnight
	if b := seriesAt(t, h, id); b[29].Time != "2026-11-16" || b[28].Time != "2026-11-15" {
		t.Errorf("after midnight the newest day is %s, want 2026-11-16", b[29].Time)
	}
}

// TestDriftKeepsRollingBreaks: the planted breaks stay breaks on the
// newest day at every step of the drift.
func TestDriftKeepsRollingBreaks(t *testing.T) {
	ws := NewWorkspace(42, 300)
	now := testNow
	falls, jumps := ws.PlantRollingBreaks(dateOf(now).AddDays(-1))
	h := newTestHandler(Options{Workspace: ws, Drift: 10 * time.Second, Now: func() time.Time { return now }})
	for range 6 {
		now = now.Add(10 * time.Second)
		for _, id := range falls {
			if s := seriesAt(t, h, id); float64(s[29].Size) > 0.6*float64(s[28].Size) {
				t.Errorf("%s did not fall: %d after %d", id, s[29].Size, s[28].Size)
			}
		}
		for _, id := range jumps {
			if s := seriesAt(t, h, id); float64(s[29].Size) < 1.5*float64(s[28].Size) {
				t.Errorf("%s did not jump: %d after %d", id, s[29].Size, s[28].Size)
			}
		}
	}
}
