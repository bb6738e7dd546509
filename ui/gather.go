package ui

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/common"
)

// gatherWindow is how long replies are gathered after the first one, so
// that replies arriving within about one frame are drawn once.
const gatherWindow = 50 * time.Millisecond

// seriesBatchMsg carries the replies that arrived together; next waits for
// the rest of the same fetch.
type seriesBatchMsg struct {
	common.Origin
	replies []seriesLoadedMsg
	next    tea.Cmd
}

// fetchSeriesCmd marks each key loading (its old data stays) and fetches
// them all in one command, whose messages each carry the replies that
// arrived together. The cache bounds the requests in flight. maxAge is
// the oldest answer from memory each key takes; the last one given
// stands for the keys after it (none: the cache's TTL).
func (m *Model) fetchSeriesCmd(keys []client.SeriesKey, maxAge ...time.Duration) tea.Cmd {
	if len(keys) == 0 {
		return nil
	}
	tokens := make([]int64, len(keys))
	ages := make([]time.Duration, len(keys))
	for i, k := range keys {
		tokens[i] = m.store.Begin(k)
		if i < len(maxAge) {
			ages[i] = maxAge[i]
		} else if len(maxAge) > 0 {
			ages[i] = maxAge[len(maxAge)-1]
		}
	}
	ctx, cache, timeout, origin := m.c.Ctx, m.opts.Cache, m.opts.FetchTimeout, m.c.Origin
	ch := make(chan seriesLoadedMsg, len(keys))
	var once sync.Once
	start := func() {
		for i, k := range keys {
			go func() {
				r := fetchOne(ctx, cache, k, tokens[i], ages[i], timeout)
				r.Origin = origin
				ch <- r
			}()
		}
	}
	left := len(keys) // read and written only by wait, one call after the other
	var wait tea.Cmd
	wait = func() tea.Msg {
		once.Do(start)
		var batch []seriesLoadedMsg
		select {
		case r := <-ch:
			batch = append(batch, r)
		case <-ctx.Done():
			return nil
		}
		timer := time.NewTimer(gatherWindow)
		defer timer.Stop()
	gather:
		for len(batch) < left {
			select {
			case r := <-ch:
				batch = append(batch, r)
			case <-timer.C:
				break gather
			case <-ctx.Done():
				break gather
			}
		}
		left -= len(batch)
		msg := seriesBatchMsg{Origin: origin, replies: batch}
		if left > 0 {
			msg.next = wait
		}
		return msg
	}
	return wait
}

// fetchOne asks the cache for the window k (Cache.Window: one request up
// to 100 days ending now, else aligned chunks of which a refresh asks only
// the newest). The reply of a single-request window carries when the API
// answered (the cache's fetch time for an answer from memory), so the age
// shown is the data's. A longer window's age is its arrival: its closed
// chunks never change, and PeekWindow's time is of the oldest of them.
//
// timeout bounds each request of the fetch from when it is sent
// (client.WithRequestTimeout), not the wait for one of the cache's
// MaxInFlight request slots: with a slow API and many series queued, a
// fetch that only waited in segdash's own queue is not reported as timed
// out. A request the API does not answer within timeout is given up (its
// slot is freed) and the row retried with the failed rows' backoff: a
// hung API never holds the screen.
func fetchOne(ctx context.Context, cache *client.Cache, k client.SeriesKey, token int64, maxAge, timeout time.Duration) seriesLoadedMsg {
	ctx = client.WithRequestTimeout(ctx, timeout)
	s, err := cache.Window(ctx, k.SegmentID, k.Length, k.EndingAt, maxAge)
	if errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("%s; retrying", client.TimedOutText(timeout))
	}
	msg := seriesLoadedMsg{key: k, token: token, series: s, err: err}
	if err == nil && k.Length <= client.MaxLength && k.EndingAt.IsZero() {
		if _, at, ok := cache.Peek(k); ok {
			msg.fetched = at
		}
	}
	return msg
}
