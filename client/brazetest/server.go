package brazetest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DemoKey is the key the demo workspace accepts. It grants nothing real.
const DemoKey = "segdash-demo-key"

// AllPermissions returns all the permissions a key can hold for the
// segment endpoints (a new slice each time: callers may change it).
func AllPermissions() []string {
	return []string{"segments.list", "segments.data_series", "segments.details"}
}

// UntrackedMode is how data_series answers for a segment without analytics
// tracking (public integrations disagree on what Braze does).
type UntrackedMode int

// The two behaviours seen in the wild.
const (
	UntrackedZeros UntrackedMode = iota // a series of zeros
	UntrackedError                      // 400 with a message
)

// Options configures a Handler. Zero values take the defaults.
type Options struct {
	// Workspace is the data (default: NewWorkspace(1, 250)).
	Workspace *Workspace
	// Keys maps each valid key to its permissions (default: DemoKey with all).
	Keys map[string][]string
	// Now is the API's clock (default time.Now); see TimeLapse.
	Now func() time.Time
	// Drift, when positive, makes the newest day's size move a little
	// every Drift of the API's clock, as an estimate does while its day is
	// still being counted: the demo stays live while its calendar turns
	// only at midnight. Older days never move. 0: sizes never move.
	Drift time.Duration
	// Untracked selects the answer for untracked segments.
	Untracked UntrackedMode
	// RateLimit is the hourly request pool per key (default 250,000).
	RateLimit int
	// Latency delays every answer, apart from any fault's own delay.
	Latency time.Duration
}

// Handler is the stand-in API. It is safe for concurrent use.
type Handler struct {
	ws        *Workspace
	keys      map[string][]string
	now       func() time.Time
	untracked UntrackedMode
	limit     int
	drift     time.Duration
	latency   time.Duration

	mu        sync.Mutex
	used      map[string]int       // requests this window, per key
	window    map[string]time.Time // start of each key's window
	fault     Fault
	segFaults map[string]Fault
	hostile   Hostile

	onRequest func(*http.Request)

	n        atomic.Int64
	counts   sync.Map // endpoint name -> *atomic.Int64
	segCalls sync.Map // segment id -> *atomic.Int64 (data_series)
}

// NewHandler returns the stand-in API.
func NewHandler(o Options) *Handler {
	if o.Workspace == nil {
		o.Workspace = NewWorkspace(1, 250)
	}
	if o.Keys == nil {
		o.Keys = map[string][]string{DemoKey: AllPermissions()}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.RateLimit <= 0 {
		o.RateLimit = 250000
	}
	return &Handler{ws: o.Workspace, keys: o.Keys, now: o.Now, untracked: o.Untracked, limit: o.RateLimit, drift: o.Drift, latency: o.Latency,
		used: map[string]int{}, window: map[string]time.Time{}, segFaults: map[string]Fault{}}
}

// Workspace returns the data behind the handler.
func (h *Handler) Workspace() *Workspace { return h.ws }

// SetFault makes every request suffer f (Fault{} clears it).
func (h *Handler) SetFault(f Fault) {
	h.mu.Lock()
	h.fault = f
	h.mu.Unlock()
}

// SetSegmentFault makes requests about one segment suffer f (Fault{} clears).
func (h *Handler) SetSegmentFault(segmentID string, f Fault) {
	h.mu.Lock()
	if f.active() {
		h.segFaults[segmentID] = f
	} else {
		delete(h.segFaults, segmentID)
	}
	h.mu.Unlock()
}

// OnRequest calls f with every request as it arrives (nil: none), for
// tests that need to know when requests came, not only how many.
func (h *Handler) OnRequest(f func(*http.Request)) {
	h.mu.Lock()
	h.onRequest = f
	h.mu.Unlock()
}

// SetRemaining sets how many requests key has left in this window, to test
// rate limiting without sending thousands of requests.
func (h *Handler) SetRemaining(key string, remaining int) {
	h.mu.Lock()
	h.window[key] = h.now().UTC().Truncate(time.Hour)
	h.used[key] = max(h.limit-remaining, 0)
	h.mu.Unlock()
}

// Requests counts the requests received for endpoint ("list",
// "data_series", "details", "other"); "" counts all.
func (h *Handler) Requests(endpoint string) int64 {
	if endpoint == "" {
		return h.n.Load()
	}
	if v, ok := h.counts.Load(endpoint); ok {
		return v.(*atomic.Int64).Load()
	}
	return 0
}

// SeriesRequests counts data_series requests for one segment.
func (h *Handler) SeriesRequests(segmentID string) int64 {
	if v, ok := h.segCalls.Load(segmentID); ok {
		return v.(*atomic.Int64).Load()
	}
	return 0
}

func bump(m *sync.Map, key string) {
	v, _ := m.LoadOrStore(key, new(atomic.Int64))
	v.(*atomic.Int64).Add(1)
}

// ServeHTTP answers as Braze does.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The Date header tells the API's clock, as a real server's does: the
	// client checks an answer up to now against its day.
	w.Header().Set("Date", h.now().UTC().Format(http.TimeFormat))
	n := h.n.Add(1)
	ep := endpointName(r.URL.Path)
	bump(&h.counts, ep)
	segID := r.URL.Query().Get("segment_id")
	if ep == "data_series" {
		bump(&h.segCalls, segID)
	}

	h.mu.Lock()
	f := h.fault
	if sf, ok := h.segFaults[segID]; ok && segID != "" {
		f = sf
	}
	hook := h.onRequest
	h.mu.Unlock()
	if hook != nil {
		hook(r)
	}
	if !f.applies(n) {
		f = Fault{}
	}
	wait := h.latency
	if f.Body != BodySlow {
		wait += f.Latency
	}
	if wait > 0 {
		select {
		case <-time.After(wait):
		case <-r.Context().Done():
			return
		}
	}

	if r.URL.Query().Has("api_key") {
		writeJSON(w, http.StatusBadRequest, Fault{}, map[string]any{"message": "the api_key query parameter is deprecated; send Authorization: Bearer"})
		return
	}
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	perms, known := h.keys[key]
	if !ok || !known {
		// Braze sends the rate-limit headers empty on a 401.
		for _, k := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} {
			w.Header()[http.CanonicalHeaderKey(k)] = []string{""}
		}
		writeJSON(w, http.StatusUnauthorized, Fault{}, map[string]any{"message": "Invalid API key: " + orMissing(key)})
		return
	}
	if !h.countRequest(w, key) {
		writeJSON(w, http.StatusTooManyRequests, Fault{}, map[string]any{"message": "API rate limit exceeded"})
		return
	}
	if r.Method != http.MethodGet {
		writeJSON(w, http.StatusMethodNotAllowed, Fault{}, map[string]any{"message": "method not allowed"})
		return
	}
	if f.Status != 0 {
		msg := f.Message
		if msg == "" {
			msg = http.StatusText(f.Status)
		}
		writeJSON(w, f.Status, Fault{}, map[string]any{"message": msg})
		return
	}
	need := map[string]string{"list": "segments.list", "data_series": "segments.data_series", "details": "segments.details"}[ep]
	if need == "" {
		writeJSON(w, http.StatusNotFound, Fault{}, map[string]any{"message": "Not found: " + r.URL.Path})
		return
	}
	if !slices.Contains(perms, need) {
		writeJSON(w, http.StatusForbidden, Fault{}, map[string]any{"message": "You do not have access to this resource. This API key lacks the " + need + " permission."})
		return
	}
	switch ep {
	case "list":
		h.list(w, r, f)
	case "data_series":
		h.series(w, r, f)
	case "details":
		h.details(w, r, f)
	}
}

// orMissing echoes the key as Braze does (the client must redact it).
func orMissing(k string) string {
	if k == "" {
		return "missing"
	}
	return k
}

// countRequest applies the hourly window and sets the rate-limit headers.
func (h *Handler) countRequest(w http.ResponseWriter, key string) bool {
	now := h.now().UTC()
	win := now.Truncate(time.Hour)
	h.mu.Lock()
	if !h.window[key].Equal(win) {
		h.window[key] = win
		h.used[key] = 0
	}
	allowed := h.used[key] < h.limit
	if allowed {
		h.used[key]++
	}
	remaining := h.limit - h.used[key]
	h.mu.Unlock()
	w.Header().Set("X-RateLimit-Limit", strconv.Itoa(h.limit))
	w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(win.Add(time.Hour).Unix(), 10))
	return allowed
}
