package monitor_test

import (
	"context"
	"testing"
	"time"

	"github.com/segdash/segdash/client/monitor"
)

// TestHubSharesOneScan: a second viewer joins the running scan (its own run
// never starts), both see the same report, and the API is asked once.
func TestHubSharesOneScan(t *testing.T) {
	d := newDemo(t, 120)
	hub := monitor.NewHub(context.Background())
	o := monitor.ScanOptions{Length: 30, Concurrency: 4, Now: func() time.Time { return now }}
	release := make(chan struct{})
	run := func(ctx context.Context, progress func(monitor.Progress)) *monitor.Report {
		<-release // hold the scan open until the second viewer has joined
		return monitor.Scan(ctx, d.cache, d.segs, o, progress)
	}
	first := hub.Join("all", run)
	second := hub.Join("tag:vip", func(context.Context, func(monitor.Progress)) *monitor.Report {
		t.Error("a second scan started while one was running")
		return &monitor.Report{}
	})
	if first.Joined || !second.Joined || second.Scope != "all" {
		t.Fatalf("first %+v second %+v", first, second)
	}
	before := d.api.Requests("data_series")
	close(release)
	<-second.Done()
	<-first.Updates()
	if first.Report() == nil || first.Report() != second.Report() || first.Progress().Done != len(d.segs) {
		t.Fatalf("reports %p %p progress %+v", first.Report(), second.Report(), first.Progress())
	}
	tracked := 0
	for _, s := range d.segs {
		if s.AnalyticsTrackingEnabled {
			tracked++
		}
	}
	if got := d.api.Requests("data_series") - before; got != int64(tracked) {
		t.Errorf("two viewers cost %d requests, want %d (one per tracked segment)", got, tracked)
	}
	// After the scan ended, a new Join starts a new scan.
	third := hub.Join("all", func(ctx context.Context, p func(monitor.Progress)) *monitor.Report {
		return monitor.Scan(ctx, d.cache, d.segs, o, p)
	})
	<-third.Done()
	if third.Joined || third.Report() == first.Report() {
		t.Errorf("third joined a finished scan")
	}
}

// TestHubLastViewerCancels: the scan runs while anyone watches and stops
// when the last viewer leaves.
func TestHubLastViewerCancels(t *testing.T) {
	hub := monitor.NewHub(context.Background())
	started := make(chan struct{})
	run := func(ctx context.Context, _ func(monitor.Progress)) *monitor.Report {
		close(started)
		<-ctx.Done()
		return &monitor.Report{Cancelled: true}
	}
	a := hub.Join("all", run)
	b := hub.Join("all", run)
	<-started
	if scope, ok := hub.Running(); !ok || scope != "all" {
		t.Errorf("running %q %v", scope, ok)
	}
	if a.Leave() {
		t.Error("the first to leave cancelled the scan")
	}
	select {
	case <-b.Done():
		t.Fatal("the scan stopped while a viewer remained")
	default:
	}
	if !b.Leave() {
		t.Error("the last to leave did not cancel")
	}
	<-b.Done()
	if _, ok := hub.Running(); ok {
		t.Error("a finished scan still runs")
	}
	if !b.Report().Cancelled {
		t.Errorf("report %+v", b.Report())
	}
}
