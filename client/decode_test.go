package client_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
)

// listBody is a list page of n segments, as Braze writes it, some with
// null or missing tags.
func listBody(n int) []byte {
	segs := make([]string, n)
	for i := range segs {
		tags := `["retention","trial"]`
		switch i % 3 {
		case 1:
			tags = `[null,"x",""]`
		case 2:
			tags = `null`
		}
		segs[i] = fmt.Sprintf(`{"id":"%08d-8fa0-4c9b-a5c0-4505edf3e064","name":"Lapsed Users - %d days","analytics_tracking_enabled":true,"tags":%s}`, i, i, tags)
	}
	return []byte(`{"segments":[` + strings.Join(segs, ",") + `],"message":"success"}`)
}

func TestListTagsTolerated(t *testing.T) {
	segs, _, err := bodyClient(200, string(listBody(3))).ListSegments(context.Background(), 0, "")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"retention", "trial"}, {"x"}, nil}
	for i, s := range segs {
		if !reflect.DeepEqual(s.Tags, want[i]) {
			t.Errorf("segment %d tags %q, want %q", i, s.Tags, want[i])
		}
	}
	if _, _, err := bodyClient(200, `{"segments":[{"id":5}]}`).ListSegments(context.Background(), 0, ""); err == nil {
		t.Error("an id that is a number decoded")
	}
}

func TestListDecodesEachSegmentOnce(t *testing.T) {
	c := bodyClient(200, string(listBody(client.PageSize)))
	allocs := testing.AllocsPerRun(20, func() { c.ListSegments(context.Background(), 0, "") })
	// One pass: about 7 allocations a segment (tags, strings, the
	// segment); a second decode of every segment took 13.
	if perSegment := allocs / client.PageSize; perSegment > 10 {
		t.Errorf("%.1f allocations per segment, want at most 10 (one decoding pass)", perSegment)
	}
}

// BenchmarkDecodeList decodes one full page of segments as the client
// does (the transport is in memory).
func BenchmarkDecodeList(b *testing.B) {
	c := bodyClient(200, string(listBody(client.PageSize)))
	b.ReportAllocs()
	for b.Loop() {
		if segs, _, err := c.ListSegments(context.Background(), 0, ""); err != nil || len(segs) != client.PageSize {
			b.Fatal(len(segs), err)
		}
	}
}

// TestSizeNotAWholeNumberOfUsers: a size no int64 holds, or no count of
// users is, is refused in the API's terms naming the point, not with the
// JSON decoder's Go names; sizes written 1e3 or 7.0 are whole numbers.
func TestSizeNotAWholeNumberOfUsers(t *testing.T) {
	cases := map[string]string{
		`1e30`:    "/segments/data_series: decode error (HTTP 200): data[1].size: 1e30 is implausible (more than 1000000000000)",
		`-1e30`:   "/segments/data_series: decode error (HTTP 200): data[1].size: -1e30 is negative",
		`12.5`:    "/segments/data_series: decode error (HTTP 200): data[1].size: 12.5 is not a whole number of users",
		`1e400`:   "/segments/data_series: decode error (HTTP 200): data[1].size: 1e400 is implausible (more than 1000000000000)",
		`"12"`:    `/segments/data_series: decode error (HTTP 200): data[1].size: "12" is not a number of users`,
		`true`:    "/segments/data_series: decode error (HTTP 200): data[1].size: true is not a number of users",
		`-5`:      "/segments/data_series: decode error (HTTP 200): data[1].size: -5 is negative",
		`{"a":1}`: `/segments/data_series: decode error (HTTP 200): data[1].size: {"a":1} is not a number of users`,
	}
	for size, want := range cases {
		body := `{"message":"success","data":[{"time":"2026-11-24","size":1},{"time":"2026-11-25","size":` + size + `}]}`
		_, _, err := bodyClient(200, body).DataSeries(context.Background(), "x", 2, time.Time{})
		if err == nil || err.Error() != want {
			t.Errorf("size %s: err = %v, want %q", size, err, want)
		}
	}
	body := `{"message":"success","data":[{"time":"2026-11-24","size":1e3},{"time":"2026-11-25","size":7.0},{"time":"2026-11-26","size":null}]}`
	s, _, err := bodyClient(200, body).DataSeries(context.Background(), "x", 3, time.Time{})
	if err != nil || fmt.Sprint(s.Points) != "[{2026-11-24 1000} {2026-11-25 7} {2026-11-26 0}]" {
		t.Errorf("sizes 1e3, 7.0, null: %v, %v; want 1000, 7, 0", s, err)
	}
}

// TestWrongJSONTypeInAPITerms: a field of the wrong JSON type is named as
// the body names it, with what it holds and what was expected.
func TestWrongJSONTypeInAPITerms(t *testing.T) {
	_, _, err := bodyClient(200, `{"segments":[{"id":5}]}`).ListSegments(context.Background(), 0, "")
	const want = "/segments/list: decode error (HTTP 200): segments.id: a number where a string was expected"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	_, _, err = bodyClient(200, `{"data":"x"}`).DataSeries(context.Background(), "x", 2, time.Time{})
	const wantData = "/segments/data_series: decode error (HTTP 200): data: a string where a list was expected"
	if err == nil || err.Error() != wantData {
		t.Errorf("err = %v, want %q", err, wantData)
	}
}
