package brazetest

// This file answers the three endpoints as Braze does: /segments/list,
// /segments/data_series and /segments/details.

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/segdash/segdash/client"
)

func writeJSON(w http.ResponseWriter, status int, f Fault, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	f.spoil(w, status, body)
}

func badRequest(w http.ResponseWriter, msg string) {
	writeJSON(w, http.StatusBadRequest, Fault{}, map[string]any{"message": msg})
}

type listedSegment struct {
	ID                       string   `json:"id"`
	Name                     string   `json:"name"`
	AnalyticsTrackingEnabled bool     `json:"analytics_tracking_enabled"`
	Tags                     []string `json:"tags"`
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request, f Fault) {
	q := r.URL.Query()
	page := 0
	if v := q.Get("page"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 0 {
			badRequest(w, "page must be a non-negative integer")
			return
		}
		page = p
	}
	dir := q.Get("sort_direction")
	if dir == "" {
		dir = "asc"
	}
	if dir != "asc" && dir != "desc" {
		badRequest(w, "sort_direction must be asc or desc")
		return
	}
	listed := h.ws.Listed()
	out := []listedSegment{}
	for i := page * client.PageSize; i < (page+1)*client.PageSize && i < len(listed); i++ {
		s := listed[i]
		if dir == "desc" {
			s = listed[len(listed)-1-i]
		}
		out = append(out, listedSegment{ID: s.ID, Name: s.Name, AnalyticsTrackingEnabled: s.Tracked, Tags: s.Tags})
	}
	// Braze puts "message" last in this object.
	body, _ := json.Marshal(out)
	writeRaw(w, f, []byte(`{"segments":`+string(body)+`,"message":"success"}`))
}

func writeRaw(w http.ResponseWriter, f Fault, body []byte) { f.spoil(w, http.StatusOK, body) }

func (h *Handler) series(w http.ResponseWriter, r *http.Request, f Fault) {
	q := r.URL.Query()
	seg, ok := h.lookup(w, q.Get("segment_id"))
	if !ok {
		return
	}
	lv := q.Get("length")
	if lv == "" {
		badRequest(w, "length is required")
		return
	}
	length, err := strconv.Atoi(lv)
	if err != nil || length < 1 || length > client.MaxLength {
		badRequest(w, "length must be an integer between 1 and 100")
		return
	}
	end := h.now()
	if v := q.Get("ending_at"); v != "" {
		t, err := client.ParseTimestamp(v)
		if err != nil {
			badRequest(w, "ending_at must be an ISO-8601 datetime")
			return
		}
		end = t
	}
	if !seg.Tracked && h.untracked == UntrackedError {
		badRequest(w, "Segment does not have analytics tracking enabled")
		return
	}
	end, length = h.seriesDays(end, length, q.Get("ending_at") != "")
	// The series ends with the day before ending_at's (UTC) date: the
	// current, incomplete day is never returned.
	last := client.DateOf(end.UTC()).AddDays(-1)
	type point struct {
		Time string `json:"time"`
		Size int64  `json:"size"`
	}
	pts := make([]point, 0, length)
	now := h.now()
	newest := client.DateOf(now.UTC()).AddDays(-1)
	for i := length - 1; i >= 0; i-- {
		d := last.AddDays(-i)
		size := int64(0)
		if seg.Tracked {
			size = seg.SizeOn(d)
		}
		if seg.rolling != 0 && d == newest {
			size = int64(float64(size) * seg.rolling)
		}
		if h.drift > 0 && d == newest {
			size = seg.drifted(size, now, h.drift)
		}
		pts = append(pts, point{d.String(), size})
	}
	writeJSON(w, http.StatusOK, f, map[string]any{"message": "success", "data": pts})
}

func (h *Handler) lookup(w http.ResponseWriter, id string) (*SegmentSpec, bool) {
	if id == "" {
		badRequest(w, "segment_id is required")
		return nil, false
	}
	seg, ok := h.ws.Lookup(id)
	if !ok {
		badRequest(w, "segment_id must be a valid segment API identifier")
		return nil, false
	}
	return seg, true
}

func (h *Handler) details(w http.ResponseWriter, r *http.Request, f Fault) {
	seg, ok := h.lookup(w, r.URL.Query().Get("segment_id"))
	if !ok {
		return
	}
	const layout = "2006-01-02T15:04:05-07:00"
	writeJSON(w, http.StatusOK, f, map[string]any{
		"message":          "success",
		"created_at":       seg.CreatedAt.Format(layout),
		"updated_at":       seg.UpdatedAt.Format(layout),
		"name":             seg.Name,
		"description":      seg.Description,
		"text_description": seg.Description,
		"tags":             seg.Tags,
		"teams":            seg.Teams,
	})
}
