package client_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

func TestRequestObserverSeesEveryAttempt(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	observe := func(endpoint string, status int) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, fmt.Sprintf("%s %d", endpoint, status))
	}
	e := newEnv(t, brazetest.Options{Workspace: brazetest.NewWorkspace(7, 3)}, client.WithRequestObserver(observe), client.WithRetries(1, 0))
	ctx := context.Background()
	segs, _, err := e.c.ListSegments(ctx, 0, client.SortAsc)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.c.DataSeries(ctx, segs[0].ID, 7, fixedNow); err != nil {
		t.Fatal(err)
	}
	e.api.SetFault(brazetest.Fault{Status: 503})
	if _, _, err := e.c.SegmentDetails(ctx, segs[0].ID); err == nil {
		t.Fatal("details: no error from a 503")
	}
	want := []string{"/segments/list 200", "/segments/data_series 200", "/segments/details 503", "/segments/details 503"}
	if !slices.Equal(seen, want) {
		t.Errorf("observed %q, want %q (the base path /api stripped, retries counted)", seen, want)
	}
	for _, s := range seen {
		if strings.Contains(s, brazetest.DemoKey) {
			t.Errorf("the key reached the observer: %q", s)
		}
	}
}

func TestRequestObserverTransportFailure(t *testing.T) {
	var got []int
	c, err := client.New("http://127.0.0.1:1/api", brazetest.DemoKey, client.WithRetries(0, 0),
		client.WithRequestObserver(func(_ string, status int) { got = append(got, status) }))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.ListSegments(context.Background(), 0, client.SortAsc); err == nil {
		t.Fatal("no error from a closed port")
	}
	if !slices.Equal(got, []int{0}) {
		t.Errorf("statuses %v, want [0] for no response", got)
	}
	c.CloseIdleConnections()
}
