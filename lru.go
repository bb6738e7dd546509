package client

import (
	"container/list"
	"time"
)

// lru remembers one kind of answer, bounded in number: the least recently
// used answer goes first when it is full, after any that outlived their
// TTL. A remembered answer is reused while younger than its TTL and kept
// beyond that only for Peek (offline, or shown stale while refreshing).
// It is not safe for concurrent use; the Cache locks around it.
type lru[K comparable, V any] struct {
	max   int
	items map[K]*list.Element
	order list.List // front: most recently used; values are *lruItem
}

type lruItem[K comparable, V any] struct {
	key     K
	val     V
	fetched time.Time
	ttl     time.Duration
}

// expiredScan bounds how far from the LRU end a full store looks for an
// expired answer to drop before it drops the least recently used one.
const expiredScan = 64

func newLRU[K comparable, V any](max int) *lru[K, V] {
	return &lru[K, V]{max: max, items: map[K]*list.Element{}}
}

// get returns the answer for k and when it was fetched, marking it used.
func (l *lru[K, V]) get(k K) (*lruItem[K, V], bool) {
	e, ok := l.items[k]
	if !ok {
		return nil, false
	}
	l.order.MoveToFront(e)
	return e.Value.(*lruItem[K, V]), true
}

// put remembers v for k, fetched at now and reusable for ttl.
func (l *lru[K, V]) put(k K, v V, now time.Time, ttl time.Duration) {
	if e, ok := l.items[k]; ok {
		*e.Value.(*lruItem[K, V]) = lruItem[K, V]{k, v, now, ttl}
		l.order.MoveToFront(e)
		return
	}
	if len(l.items) >= l.max {
		l.evict(now)
	}
	l.items[k] = l.order.PushFront(&lruItem[K, V]{k, v, now, ttl})
}

// evict drops the expired answers among the least recently used, or the
// least recently used one if none has expired.
func (l *lru[K, V]) evict(now time.Time) {
	dropped := false
	e := l.order.Back()
	for i := 0; e != nil && i < expiredScan; i++ {
		prev := e.Prev()
		if it := e.Value.(*lruItem[K, V]); now.Sub(it.fetched) >= it.ttl {
			l.remove(e)
			dropped = true
		}
		e = prev
	}
	if !dropped {
		l.remove(l.order.Back())
	}
}

func (l *lru[K, V]) remove(e *list.Element) {
	delete(l.items, e.Value.(*lruItem[K, V]).key)
	l.order.Remove(e)
}

// len is the number of remembered answers.
func (l *lru[K, V]) len() int { return len(l.items) }
