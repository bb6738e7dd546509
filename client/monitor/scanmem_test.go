package monitor_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
)

// TestScanKeepsSeriesOnlyWhenAsked: a scan's results hold the series only
// for a caller that asks (the dashboard); otherwise the stats say it all.
func TestScanKeepsSeriesOnlyWhenAsked(t *testing.T) {
	d := newDemo(t, 120)
	for _, keep := range []bool{false, true} {
		o := monitor.ScanOptions{Length: 30, Concurrency: 4, Now: func() time.Time { return now }, KeepSeries: keep}
		rep := monitor.Scan(context.Background(), d.cache, d.segs, o, nil)
		for _, r := range rep.Results {
			if r.TrackingOff() {
				continue
			}
			if (r.Series != nil) != keep || !r.Stats.HasLatest {
				t.Fatalf("KeepSeries %v: %s has series %v, stats %+v", keep, r.Segment.ID, r.Series != nil, r.Stats)
			}
		}
	}
}

// BenchmarkScan10kMemory scans 10,000 segments (30-day windows) through a
// cache of the default size and reports the heap the report and the cache
// hold at the end, in total and per segment (the listing excluded), with
// the series kept in the report (as the dashboard asks) and without.
func BenchmarkScan10kMemory(b *testing.B) {
	d := newDemo(b, 10_250)
	b.Run("report", func(b *testing.B) { benchmarkScanMemory(b, d, false) })
	b.Run("keep-series", func(b *testing.B) { benchmarkScanMemory(b, d, true) })
}

func benchmarkScanMemory(b *testing.B, d *demo, keep bool) {
	o := monitor.ScanOptions{Length: 30, Concurrency: 8, Now: func() time.Time { return now }, KeepSeries: keep}
	var base, after runtime.MemStats
	for b.Loop() {
		d.cache = freshCache(b, d)
		runtime.GC()
		runtime.ReadMemStats(&base)
		rep := monitor.Scan(context.Background(), d.cache, d.segs, o, nil)
		runtime.GC()
		runtime.ReadMemStats(&after)
		if rep.Done != len(d.segs) || rep.Failed != 0 {
			b.Fatalf("report %+v", rep.Progress)
		}
		runtime.KeepAlive(rep)
	}
	held := float64(after.HeapAlloc) - float64(base.HeapAlloc)
	b.ReportMetric(held/1e6, "MB-held")
	b.ReportMetric(held/float64(len(d.segs)), "B-held/segment")
	b.ReportMetric(float64(after.HeapSys)/1e6, "MB-heap-sys")
}

// freshCache is a new, empty cache on d's client: a scan that fetches all.
func freshCache(b *testing.B, d *demo) *client.Cache {
	b.Helper()
	return client.NewCache(d.cache.Client(), client.CacheOptions{MaxInFlight: 8, Now: func() time.Time { return now }})
}
