package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

func TestListSegmentsPage(t *testing.T) {
	e := newEnv(t, brazetest.Options{Workspace: brazetest.NewWorkspace(7, 250)})
	ctx := context.Background()
	p0, resp, err := e.c.ListSegments(ctx, 0, client.SortAsc)
	if err != nil {
		t.Fatal(err)
	}
	if len(p0) != client.PageSize {
		t.Fatalf("page 0 has %d segments, want %d", len(p0), client.PageSize)
	}
	if !resp.Rate.Known || resp.Rate.Limit != 250000 || resp.Rate.Remaining != 249999 {
		t.Errorf("rate = %+v, want limit 250000, remaining 249999", resp.Rate)
	}
	if want := fixedNow.Truncate(time.Hour).Add(time.Hour); !resp.Rate.Reset.Equal(want) {
		t.Errorf("reset = %v, want %v", resp.Rate.Reset, want)
	}
	listed := e.api.Workspace().Listed()
	if p0[0].ID != listed[0].ID || p0[99].ID != listed[99].ID {
		t.Errorf("page 0 not in creation order")
	}
	desc, _, err := e.c.ListSegments(ctx, 0, client.SortDesc)
	if err != nil {
		t.Fatal(err)
	}
	if desc[0].ID != listed[len(listed)-1].ID {
		t.Errorf("desc page starts with %s, want the newest %s", desc[0].ID, listed[len(listed)-1].ID)
	}
	last, _, err := e.c.ListSegments(ctx, 2, client.SortAsc)
	if err != nil {
		t.Fatal(err)
	}
	if len(last) != len(listed)-200 {
		t.Errorf("page 2 has %d, want %d", len(last), len(listed)-200)
	}
	if _, _, err := e.c.ListSegments(ctx, 0, "sideways"); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("bad sort direction: %v", err)
	}
}

func TestAllSegmentsTenThousand(t *testing.T) {
	ws := brazetest.NewWorkspace(3, 10300)
	e := newEnv(t, brazetest.Options{Workspace: ws})
	var mu sync.Mutex
	var progress []int
	segs, err := e.c.AllSegments(context.Background(), func(n int) {
		mu.Lock()
		progress = append(progress, n)
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	listed := ws.Listed()
	if len(segs) != len(listed) {
		t.Fatalf("got %d segments, want %d", len(segs), len(listed))
	}
	for i := range segs {
		if segs[i].ID != listed[i].ID {
			t.Fatalf("segment %d is %s, want %s (creation order)", i, segs[i].ID, listed[i].ID)
		}
	}
	if len(progress) == 0 || progress[len(progress)-1] != len(listed) {
		t.Errorf("progress ended at %v, want %d", progress[len(progress)-1:], len(listed))
	}
	for i := 1; i < len(progress); i++ {
		if progress[i] < progress[i-1] {
			t.Fatalf("progress went backwards: %v", progress)
		}
	}
	pages := (len(listed) + client.PageSize - 1) / client.PageSize
	// Pages past the short one may be started before it is seen, but not many.
	if got := e.api.Requests("list"); got < int64(pages) || got > int64(pages+8) {
		t.Errorf("list requests = %d, want %d..%d", got, pages, pages+8)
	}
}

// TestAllSegmentsDuplicatesAndEmptyLastPage serves pages that overlap (a
// segment created during paging shifts the pages) and an exact multiple of
// 100, so the end is an empty page.
func TestAllSegmentsDuplicatesAndEmptyLastPage(t *testing.T) {
	mk := func(from, to int) string {
		var parts []string
		for i := from; i < to; i++ {
			parts = append(parts, `{"id":"s`+itoa(i)+`","name":"n","tags":null}`)
		}
		return `{"segments":[` + strings.Join(parts, ",") + `],"message":"success"}`
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "0":
			w.Write([]byte(mk(0, 100)))
		case "1":
			w.Write([]byte(mk(99, 199))) // s99 again
		case "2":
			w.Write([]byte(mk(199, 200) + ""))
		default:
			w.Write([]byte(`{"segments":[],"message":"success"}`))
		}
	}))
	defer srv.Close()
	c, _ := client.New(srv.URL, "k")
	segs, err := c.AllSegments(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 200 {
		t.Fatalf("got %d segments, want 200 unique", len(segs))
	}
	for i, s := range segs {
		if s.ID != "s"+itoa(i) {
			t.Fatalf("segment %d = %s", i, s.ID)
		}
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestAllSegmentsError(t *testing.T) {
	e := newEnv(t, brazetest.Options{Workspace: brazetest.NewWorkspace(3, 1000)})
	e.api.SetFault(brazetest.Fault{Status: 403})
	_, err := e.c.AllSegments(context.Background(), nil)
	var ce *client.Error
	if !errors.As(err, &ce) || ce.Kind != client.ErrForbidden || ce.Permission != "segments.list" {
		t.Fatalf("err = %v, want forbidden naming segments.list", err)
	}
}

func TestDataSeries(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	seg := firstTracked(e.api.Workspace())
	s, _, err := e.c.DataSeries(context.Background(), seg.ID, 30, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Points) != 30 {
		t.Fatalf("%d points, want 30", len(s.Points))
	}
	// Ends the day before "now"; one point per day, oldest first, no gaps.
	if got, want := s.Points[29].Day.String(), "2026-11-15"; got != want {
		t.Errorf("last day %s, want %s", got, want)
	}
	for i := 1; i < len(s.Points); i++ {
		if s.Points[i].Day != s.Points[i-1].Day.AddDays(1) {
			t.Fatalf("gap between %s and %s", s.Points[i-1].Day, s.Points[i].Day)
		}
	}
	if s.Points[29].Size != seg.SizeOn(s.Points[29].Day) {
		t.Errorf("size %d, want %d", s.Points[29].Size, seg.SizeOn(s.Points[29].Day))
	}
	// A date-only-like midnight ending_at in a negative offset.
	end := time.Date(2022, 12, 14, 0, 0, 0, 0, time.FixedZone("", -5*3600))
	s, _, err = e.c.DataSeries(context.Background(), seg.ID, 2, end)
	if err != nil {
		t.Fatal(err)
	}
	if s.Points[0].Day.String() != "2022-12-12" || s.Points[1].Day.String() != "2022-12-13" {
		t.Errorf("days %v, want 2022-12-12, 2022-12-13", s.Points)
	}
}

func TestDataSeriesSendsRFC3339AndNoKeyInURL(t *testing.T) {
	var got *http.Request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r
		w.Write([]byte(`{"message":"success","data":[{"time":"2022-12-13","size":5}]}`))
	}))
	defer srv.Close()
	c, _ := client.New(srv.URL, "sekrit-key")
	end := time.Date(2022, 12, 14, 0, 0, 0, 0, time.FixedZone("", -5*3600))
	if _, _, err := c.DataSeries(context.Background(), "abc", 1, end); err != nil {
		t.Fatal(err)
	}
	if v := got.URL.Query().Get("ending_at"); v != "2022-12-14T00:00:00-05:00" {
		t.Errorf("ending_at = %q", v)
	}
	if strings.Contains(got.URL.String(), "sekrit") {
		t.Errorf("key in URL %s", got.URL)
	}
	if got.Header.Get("Authorization") != "Bearer sekrit-key" {
		t.Errorf("Authorization = %q", got.Header.Get("Authorization"))
	}
}

func TestDataSeriesValidatesBeforeRequest(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	for _, n := range []int{0, -1, 101} {
		_, _, err := e.c.DataSeries(context.Background(), "x", n, time.Time{})
		if !errors.Is(err, client.ErrInvalidArgument) || !strings.Contains(err.Error(), "1..100") {
			t.Errorf("length %d: %v", n, err)
		}
	}
	if _, _, err := e.c.DataSeries(context.Background(), " ", 5, time.Time{}); !errors.Is(err, client.ErrInvalidArgument) {
		t.Errorf("empty id: %v", err)
	}
	if n := e.api.Requests(""); n != 0 {
		t.Errorf("%d requests sent for invalid arguments", n)
	}
}

func TestUntrackedSegments(t *testing.T) {
	for _, mode := range []brazetest.UntrackedMode{brazetest.UntrackedZeros, brazetest.UntrackedError} {
		e := newEnv(t, brazetest.Options{Untracked: mode})
		var untracked string
		for _, s := range e.api.Workspace().Segments {
			if !s.Tracked {
				untracked = s.ID
				break
			}
		}
		s, _, err := e.c.DataSeries(context.Background(), untracked, 7, time.Time{})
		if mode == brazetest.UntrackedError {
			if !errors.Is(err, client.ErrBadRequest) || !strings.Contains(err.Error(), "analytics tracking") {
				t.Errorf("untracked error mode: %v", err)
			}
			continue
		}
		if err != nil || len(s.Points) != 7 || s.Points[6].Size != 0 {
			t.Errorf("untracked zeros mode: %v %v", s, err)
		}
	}
}

func TestDetails(t *testing.T) {
	e := newEnv(t, brazetest.Options{})
	seg := e.api.Workspace().Segments[2]
	d, _, err := e.c.SegmentDetails(context.Background(), seg.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != seg.Name || d.Description != seg.Description || !d.CreatedAt.Equal(seg.CreatedAt) {
		t.Errorf("details = %+v", d)
	}
	// Every field may be missing; nulls are tolerated.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"message":"success","tags":[null,"a"],"teams":null,"created_at":null,"updated_at":"garbage"}`))
	}))
	defer srv.Close()
	c, _ := client.New(srv.URL, "k")
	d, _, err = c.SegmentDetails(context.Background(), "x")
	if err != nil || len(d.Tags) != 1 || d.Tags[0] != "a" || !d.CreatedAt.IsZero() {
		t.Errorf("sparse details = %+v, %v", d, err)
	}
}

func firstTracked(ws *brazetest.Workspace) *brazetest.SegmentSpec {
	for _, s := range ws.Segments {
		if s.Tracked && !s.Archived && s.SizeOn(client.DateOf(fixedNow).AddDays(-1)) > 0 {
			return s
		}
	}
	panic("no tracked segment")
}

// TestAllSegmentsSmallWorkspace: a workspace of one page costs one request
// listed one page at a time, and at most the pages in flight (8) listed
// cold with the default width: the end is not known before the first page.
func TestAllSegmentsSmallWorkspace(t *testing.T) {
	for _, tc := range []struct {
		width, most int64
	}{{1, 1}, {8, 8}} {
		e := newEnv(t, brazetest.Options{Workspace: brazetest.NewWorkspace(7, 60)}, client.WithPageConcurrency(int(tc.width)))
		segs, err := e.c.AllSegments(context.Background(), nil)
		if err != nil || len(segs) != len(e.api.Workspace().Listed()) {
			t.Fatalf("%d segments, %v", len(segs), err)
		}
		if n := e.api.Requests("list"); n > tc.most || n < 1 {
			t.Errorf("%d pages in flight: a workspace of one page cost %d list requests, want 1..%d", tc.width, n, tc.most)
		}
	}
}
