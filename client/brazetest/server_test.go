package brazetest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

func get(t *testing.T, h http.Handler, key, path string, q url.Values) (*http.Response, string) {
	t.Helper()
	r := httptest.NewRequest("GET", path+"?"+q.Encode(), nil)
	if key != "" {
		r.Header.Set("Authorization", "Bearer "+key)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	b, _ := io.ReadAll(w.Result().Body)
	return w.Result(), string(b)
}

func newTestHandler(o Options) *Handler {
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	return NewHandler(o)
}

func TestListPagingAndOrder(t *testing.T) {
	ws := NewWorkspace(5, 430)
	h := newTestHandler(Options{Workspace: ws})
	listed := ws.Listed()
	if len(listed) == len(ws.Segments) {
		t.Fatal("the workspace has no archived segments to test with")
	}
	var all []listedSegment
	for page := 0; ; page++ {
		res, body := get(t, h, DemoKey, "/segments/list", url.Values{"page": {itoa(page)}})
		if res.StatusCode != 200 {
			t.Fatalf("page %d: %d %s", page, res.StatusCode, body)
		}
		if !strings.HasSuffix(body, `"message":"success"}`) {
			t.Errorf("message is not last: %.60s…", body[len(body)-60:])
		}
		var v struct{ Segments []listedSegment }
		json.Unmarshal([]byte(body), &v)
		if len(v.Segments) > 100 {
			t.Fatalf("page of %d", len(v.Segments))
		}
		all = append(all, v.Segments...)
		if len(v.Segments) < 100 {
			break
		}
	}
	if len(all) != len(listed) {
		t.Fatalf("listed %d, want %d (archived excluded)", len(all), len(listed))
	}
	for i := range all {
		if all[i].ID != listed[i].ID {
			t.Fatalf("order differs at %d", i)
		}
		s, _ := ws.Lookup(all[i].ID)
		if s.Archived {
			t.Fatalf("archived segment %s listed", s.ID)
		}
	}
	for _, bad := range []url.Values{{"page": {"-1"}}, {"page": {"x"}}, {"sort_direction": {"up"}}} {
		if res, _ := get(t, h, DemoKey, "/segments/list", bad); res.StatusCode != 400 {
			t.Errorf("%v: status %d, want 400", bad, res.StatusCode)
		}
	}
}

func TestWorkspaceVariety(t *testing.T) {
	ws := NewWorkspace(1, 10000)
	if len(ws.Segments) != 10000 {
		t.Fatal(len(ws.Segments))
	}
	var untracked, unicode, zero, big, nilTags int
	ids := map[string]bool{}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	day := dateOf(testNow)
	for _, s := range ws.Segments {
		if !uuid.MatchString(s.ID) || ids[s.ID] {
			t.Fatalf("bad or duplicate id %q", s.ID)
		}
		ids[s.ID] = true
		if !s.Tracked {
			untracked++
		}
		for _, r := range s.Name {
			if r > 0x2000 {
				unicode++
				break
			}
		}
		switch v := s.SizeOn(day); {
		case v == 0:
			zero++
		case v > 10_000_000:
			big++
		}
		if s.Tags == nil {
			nilTags++
		}
	}
	for what, n := range map[string]int{"untracked": untracked, "unicode": unicode, "zero": zero, "over 10M": big, "nil tags": nilTags} {
		if n == 0 {
			t.Errorf("no %s segments", what)
		}
	}
	// Deterministic: same seed, same workspace; other seed, other one.
	again := NewWorkspace(1, 10000)
	if again.Segments[77].ID != ws.Segments[77].ID || again.Segments[77].SizeOn(day) != ws.Segments[77].SizeOn(day) {
		t.Error("workspace not deterministic")
	}
	if NewWorkspace(2, 100).Segments[0].ID == ws.Segments[0].ID {
		t.Error("seed ignored")
	}
	if ws.Segments[11].Name != ws.Segments[3].Name {
		t.Error("no duplicate name to test ambiguity with")
	}
	if !strings.Contains(ws.Segments[19].Name, "\x1b") {
		t.Error("no escape sequence in a name to test sanitising with")
	}
}

func TestSeriesFacts(t *testing.T) {
	h := newTestHandler(Options{})
	seg := h.ws.Segments[0]
	q := url.Values{"segment_id": {seg.ID}, "length": {"30"}}
	res, body := get(t, h, DemoKey, "/segments/data_series", q)
	if res.StatusCode != 200 {
		t.Fatal(body)
	}
	var v struct {
		Message string
		Data    []struct {
			Time string
			Size json.Number
		}
	}
	json.Unmarshal([]byte(body), &v)
	if v.Message != "success" || len(v.Data) != 30 {
		t.Fatalf("%s", body)
	}
	if v.Data[0].Time != "2026-10-17" || v.Data[29].Time != "2026-11-15" {
		t.Errorf("days %s..%s, want 2026-10-17..2026-11-15 (ending the day before now)", v.Data[0].Time, v.Data[29].Time)
	}
	if _, err := v.Data[0].Size.Int64(); err != nil {
		t.Errorf("size not an integer: %s", v.Data[0].Size)
	}
	// Braze's own example offset, "-5:00", is accepted; midnight ending_at
	// ends the series on the day before.
	q.Set("ending_at", "2022-12-14T00:00:00-5:00")
	q.Set("length", "2")
	_, body = get(t, h, DemoKey, "/segments/data_series", q)
	if !strings.Contains(body, `"time":"2022-12-12"`) || !strings.Contains(body, `"time":"2022-12-13"`) || strings.Contains(body, "2022-12-14") {
		t.Errorf("-5:00 ending_at: %s", body)
	}
	for _, bad := range []url.Values{
		{"length": {"5"}},
		{"segment_id": {"nope"}, "length": {"5"}},
		{"segment_id": {seg.ID}},
		{"segment_id": {seg.ID}, "length": {"0"}},
		{"segment_id": {seg.ID}, "length": {"101"}},
		{"segment_id": {seg.ID}, "length": {"5"}, "ending_at": {"soon"}},
	} {
		res, body := get(t, h, DemoKey, "/segments/data_series", bad)
		if res.StatusCode != 400 || !strings.Contains(body, `"message"`) {
			t.Errorf("%v: %d %s, want 400 with a message", bad, res.StatusCode, body)
		}
	}
}

func TestAuthAndPermissions(t *testing.T) {
	h := newTestHandler(Options{Keys: map[string][]string{"lister": {"segments.list"}}})
	res, body := get(t, h, "bogus", "/segments/list", nil)
	if res.StatusCode != 401 || body != `{"message":"Invalid API key: bogus"}` {
		t.Errorf("401: %d %s", res.StatusCode, body)
	}
	for _, k := range []string{"X-Ratelimit-Limit", "X-Ratelimit-Remaining", "X-Ratelimit-Reset"} {
		if v, ok := res.Header[k]; !ok || len(v) != 1 || v[0] != "" {
			t.Errorf("401 header %s = %q, want present and empty", k, v)
		}
	}
	if res, _ := get(t, h, "", "/segments/list", nil); res.StatusCode != 401 {
		t.Errorf("no key: %d", res.StatusCode)
	}
	res, body = get(t, h, "lister", "/segments/data_series", url.Values{"segment_id": {"x"}, "length": {"1"}})
	if res.StatusCode != 403 || !strings.Contains(body, "segments.data_series") {
		t.Errorf("403: %d %s", res.StatusCode, body)
	}
	if res, _ := get(t, h, "lister", "/segments/list", url.Values{"api_key": {"lister"}}); res.StatusCode != 400 {
		t.Errorf("api_key in URL accepted: %d", res.StatusCode)
	}
	if res, _ := get(t, h, "lister", "/campaigns/list", nil); res.StatusCode != 404 {
		t.Errorf("unknown path: %d", res.StatusCode)
	}
}

func TestRateLimitWindow(t *testing.T) {
	now := testNow
	h := NewHandler(Options{RateLimit: 3, Now: func() time.Time { return now }})
	for i := 2; i >= 0; i-- {
		res, _ := get(t, h, DemoKey, "/segments/list", nil)
		if res.StatusCode != 200 || res.Header.Get("X-RateLimit-Remaining") != itoa(i) {
			t.Fatalf("call %d: %d remaining %s", 3-i, res.StatusCode, res.Header.Get("X-RateLimit-Remaining"))
		}
		if res.Header.Get("X-RateLimit-Reset") != itoa(int(testNow.Truncate(time.Hour).Add(time.Hour).Unix())) {
			t.Fatalf("reset %s", res.Header.Get("X-RateLimit-Reset"))
		}
	}
	if res, _ := get(t, h, DemoKey, "/segments/list", nil); res.StatusCode != 429 || res.Header.Get("X-RateLimit-Remaining") != "0" {
		t.Fatalf("4th call: %d", res.StatusCode)
	}
	now = now.Add(30 * time.Minute) // the top of the hour: a new window
	if res, _ := get(t, h, DemoKey, "/segments/list", nil); res.StatusCode != 200 {
		t.Fatalf("after reset: %d", res.StatusCode)
	}
}

func TestFaultsAndCounters(t *testing.T) {
	h := newTestHandler(Options{})
	seg := h.ws.Segments[1].ID
	h.SetSegmentFault(seg, Fault{Status: 503})
	q := url.Values{"segment_id": {seg}, "length": {"3"}}
	if res, _ := get(t, h, DemoKey, "/segments/data_series", q); res.StatusCode != 503 {
		t.Errorf("segment fault: %d", res.StatusCode)
	}
	other := url.Values{"segment_id": {h.ws.Segments[2].ID}, "length": {"3"}}
	if res, _ := get(t, h, DemoKey, "/segments/data_series", other); res.StatusCode != 200 {
		t.Errorf("other segment affected: %d", res.StatusCode)
	}
	h.SetSegmentFault(seg, Fault{})
	h.SetFault(Fault{Status: 500, Rate: 0.25})
	fails := 0
	for range 100 {
		if res, _ := get(t, h, DemoKey, "/segments/list", nil); res.StatusCode == 500 {
			fails++
		}
	}
	if fails < 20 || fails > 30 {
		t.Errorf("%d of 100 failed at rate 0.25", fails)
	}
	if h.Requests("data_series") != 2 || h.Requests("list") != 100 || h.SeriesRequests(seg) != 1 || h.Requests("") != 102 {
		t.Errorf("counters: series %d list %d seg %d all %d", h.Requests("data_series"), h.Requests("list"), h.SeriesRequests(seg), h.Requests(""))
	}
}

func TestTimeLapse(t *testing.T) {
	real := testNow
	clock := TimeLapse(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 5*time.Second, func() time.Time { return real })
	real = real.Add(10 * time.Second)
	if got := clock(); !got.Equal(time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("after 10s at a day per 5s: %v", got)
	}
}

func TestStartRefusesNonLoopback(t *testing.T) {
	if _, err := Start("0.0.0.0:0", Options{}); err == nil {
		t.Error("listened on all interfaces")
	}
	s, err := Start("", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") || s.Key != DemoKey {
		t.Errorf("server %s %s", s.URL, s.Key)
	}
}
