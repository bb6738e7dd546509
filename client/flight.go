package client

import (
	"context"
	"sync"
	"time"
)

// flight shares one fetch per key among concurrent callers (a typed
// singleflight). The fetch runs on a context of its own, so that one caller
// giving up does not fail the others; when the last caller gives up, the
// fetch is cancelled, which frees its place in the queue or its request
// slot (the user moved on; nobody waits for the answer).
type flight[K comparable, V any] struct {
	mu    sync.Mutex
	calls map[K]*call[V]
}

type call[V any] struct {
	done    chan struct{}
	cancel  context.CancelFunc
	waiters int
	val     V
	err     error
}

// do returns fetch's answer for key, starting fetch unless a call for key
// is already running. The fetch is bounded by timeout, whoever waits,
// unless ctx waits out rate limits (WaitOutRateLimits). A
// caller whose ctx ends gets ctx.Err() at once.
func (f *flight[K, V]) do(ctx context.Context, key K, timeout time.Duration, fetch func(context.Context) (V, error)) (V, error) {
	f.mu.Lock()
	if f.calls == nil {
		f.calls = map[K]*call[V]{}
	}
	c, ok := f.calls[key]
	if !ok {
		fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		if !waitsOutRateLimits(ctx) {
			// Waiting out a rate limit may take until the hour's reset:
			// such a fetch ends when its last waiter leaves (each attempt
			// keeps its own timeout); any other is bounded.
			cancel()
			fctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), timeout)
		}
		c = &call[V]{done: make(chan struct{}), cancel: cancel}
		f.calls[key] = c
		go func() {
			defer cancel()
			c.val, c.err = fetch(fctx)
			f.forget(key, c)
			close(c.done)
		}()
	}
	c.waiters++
	f.mu.Unlock()
	select {
	case <-c.done:
		return c.val, c.err
	case <-ctx.Done():
		f.mu.Lock()
		c.waiters--
		if c.waiters == 0 {
			// Nobody waits any more: stop the fetch, and let the next
			// caller start a fresh one rather than join a dying one.
			c.cancel()
			if f.calls[key] == c {
				delete(f.calls, key)
			}
		}
		f.mu.Unlock()
		var zero V
		return zero, ctx.Err()
	}
}

func (f *flight[K, V]) forget(key K, c *call[V]) {
	f.mu.Lock()
	if f.calls[key] == c {
		delete(f.calls, key)
	}
	f.mu.Unlock()
}
