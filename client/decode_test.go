package client_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

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
