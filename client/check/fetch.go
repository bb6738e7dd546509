package check

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/segdash/segdash/client"
)

// fetcher asks the cache for check's windows: this period's and, with
// Options.Compare, the previous one's. Asking twice for one window costs
// one request: the cache shares a request in flight and remembers its
// answer.
type fetcher struct {
	cache  *client.Cache
	length int
	ends   []time.Time
}

func newFetcher(cache *client.Cache, o Options) *fetcher {
	f := &fetcher{cache: cache, length: o.Length, ends: []time.Time{o.EndingAt}}
	if o.Compare {
		f.ends = append(f.ends, cache.PreviousPeriod(o.Length, o.EndingAt))
	}
	return f
}

// prefetch starts the windows of ids before they are named, and returns
// a function that waits for those requests to end: their answers go to the
// cache, where fetchAll collects them. It costs nothing extra: each id the
// details name is asked for anyway; only an id Braze does not know wastes
// one request.
func (f *fetcher) prefetch(ctx context.Context, ids []string) (wait func()) {
	var wg sync.WaitGroup
	for _, id := range ids {
		for _, end := range f.ends {
			wg.Go(func() { f.fetch(ctx, strings.TrimSpace(id), end) })
		}
	}
	return wg.Wait
}

// fetched is one segment's windows, or why they could not be had.
type fetched struct {
	Result
	err error
	// unknown is true when Braze answered 400 for the segment's id.
	unknown bool
}

// fetchAll collects every segment's windows, all asked for at once (the
// cache bounds how many requests run). A failure is kept with its segment
// and does not stop the others.
func (f *fetcher) fetchAll(ctx context.Context, segs []client.Segment) []fetched {
	type answer struct {
		s   *client.Series
		err error
	}
	answers := make([][]answer, len(segs))
	var wg sync.WaitGroup
	for i, s := range segs {
		answers[i] = make([]answer, len(f.ends))
		for j, end := range f.ends {
			wg.Go(func() {
				a := &answers[i][j]
				a.s, a.err = f.fetch(ctx, s.ID, end)
			})
		}
	}
	wg.Wait()
	out := make([]fetched, len(segs))
	for i, s := range segs {
		r := &out[i]
		r.Segment = s
		r.Series, r.err = answers[i][0].s, answers[i][0].err
		if len(answers[i]) > 1 && r.err == nil {
			if r.Previous, r.err = answers[i][1].s, answers[i][1].err; r.err != nil {
				r.err = fmt.Errorf("the previous period: %w", r.err)
			}
		}
		if r.err != nil && ctx.Err() != nil {
			// Stopped (Ctrl+C, --timeout), not failed: say so, by its cause.
			r.err = fmt.Errorf("not checked: %w", context.Cause(ctx))
		}
		if errors.Is(r.err, client.ErrBadRequest) {
			r.unknown = true
			r.err = fmt.Errorf("%w (if analytics tracking is off for this segment in Braze, turn it on)", r.err)
		}
	}
	return out
}

// fetch asks for one window. Up to 100 days it is the one data_series
// request it always was (a window of aligned chunks may take two when it
// ends in the past); longer ones are stitched from 100-day chunks.
func (f *fetcher) fetch(ctx context.Context, id string, end time.Time) (*client.Series, error) {
	if f.length <= client.MaxLength {
		return f.cache.DataSeries(ctx, client.SeriesKey{SegmentID: id, Length: f.length, EndingAt: end}, 0)
	}
	return f.cache.Window(ctx, id, f.length, end, 0)
}
