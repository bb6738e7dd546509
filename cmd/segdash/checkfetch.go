package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/segdash/segdash/client"
)

// seriesFetches runs check's series requests, each at most once: started
// early (before the segments are named, when they are given by id) and
// collected later. The cache bounds how many run at once.
type seriesFetches struct {
	cache  *client.Cache
	length int
	mu     sync.Mutex
	calls  map[fetchKey]func() (*client.Series, error)
}

// fetchKey is one window of one segment.
type fetchKey struct {
	id  string
	end time.Time
}

func newSeriesFetches(cache *client.Cache, length int) *seriesFetches {
	return &seriesFetches{cache: cache, length: length, calls: map[fetchKey]func() (*client.Series, error){}}
}

// start asks for the window of segment id ending at end (zero: now), unless
// it was asked already, and returns a function that waits for the answer.
func (f *seriesFetches) start(ctx context.Context, id string, end time.Time) func() (*client.Series, error) {
	k := fetchKey{id, end}
	f.mu.Lock()
	defer f.mu.Unlock()
	if get, ok := f.calls[k]; ok {
		return get
	}
	done := make(chan struct{})
	var s *client.Series
	var err error
	go func() {
		defer close(done)
		s, err = f.fetch(ctx, id, end)
		if errors.Is(err, client.ErrBadRequest) {
			err = fmt.Errorf("%w (if analytics tracking is off for this segment in Braze, turn it on)", err)
		}
	}()
	get := func() (*client.Series, error) {
		<-done
		return s, err
	}
	f.calls[k] = get
	return get
}

// prefetch starts the series of every SEGMENT when all of them are ids,
// so that they are asked for together with the names (issue 11: one round
// trip of latency, not two). It costs nothing extra: each id the details
// name is asked for anyway; only an id Braze does not know wastes one.
// ends are the windows to start: this one, and the previous period's.
func (f *seriesFetches) prefetch(ctx context.Context, refs []string, ends ...time.Time) {
	if !allIDs(refs) {
		return
	}
	for _, r := range refs {
		for _, end := range ends {
			f.start(ctx, trimRef(r), end)
		}
	}
}

// fetchAll collects every segment's window ending at ends[0], and the
// previous period's (ending at ends[1]) when given, starting those not
// started. A failure is kept with its segment and does not stop the others.
func (f *seriesFetches) fetchAll(ctx context.Context, segs []client.Segment, ends ...time.Time) []checkResult {
	gets := make([][]func() (*client.Series, error), len(segs))
	for i, s := range segs {
		for _, end := range ends {
			gets[i] = append(gets[i], f.start(ctx, s.ID, end))
		}
	}
	results := make([]checkResult, len(segs))
	for i, s := range segs {
		r := &results[i]
		r.Segment = s
		r.Series, r.Err = gets[i][0]()
		if len(gets[i]) > 1 && r.Err == nil {
			if r.Previous, r.Err = gets[i][1](); r.Err != nil {
				r.Err = fmt.Errorf("the previous period: %w", r.Err)
			}
		}
	}
	return results
}

// fetch asks for one window. Up to 100 days it is the one data_series
// request it always was (a window of aligned chunks may take two when it
// ends in the past); longer ones are stitched from 100-day chunks.
func (f *seriesFetches) fetch(ctx context.Context, id string, end time.Time) (*client.Series, error) {
	if f.length <= client.MaxLength {
		return f.cache.DataSeries(ctx, client.SeriesKey{SegmentID: id, Length: f.length, EndingAt: end}, 0)
	}
	return f.cache.Window(ctx, id, f.length, end, 0)
}
