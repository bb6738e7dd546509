package client

import "time"

// lru remembers one kind of answer, bounded in number: when it is full,
// answers that outlived their TTL go first, else the least recently used.
// A remembered answer is reused while younger than its TTL and kept beyond
// that only for Peek (offline, or shown stale while refreshing).
// It is not safe for concurrent use; the Cache locks around it.
type lru[K comparable, V any] struct {
	max   int
	items map[K]*lruItem[K, V]
	// head is a sentinel: head.next is the most recently used item,
	// head.prev the least recently used.
	head lruItem[K, V]
}

type lruItem[K comparable, V any] struct {
	key        K
	val        V
	fetched    time.Time
	ttl        time.Duration
	prev, next *lruItem[K, V]
}

// expiredScan bounds how far from the least recently used end a full
// store looks for expired answers before it drops the least recently used.
const expiredScan = 64

func newLRU[K comparable, V any](max int) *lru[K, V] {
	l := &lru[K, V]{max: max, items: map[K]*lruItem[K, V]{}}
	l.head.prev, l.head.next = &l.head, &l.head
	return l
}

// get returns the answer for k and when it was fetched, marking it used.
// It returns copies: the item may be updated once the caller unlocks.
func (l *lru[K, V]) get(k K) (v V, fetched time.Time, ok bool) {
	it, ok := l.items[k]
	if !ok {
		return v, fetched, false
	}
	l.unlink(it)
	l.pushFront(it)
	return it.val, it.fetched, true
}

// put remembers v for k, fetched at now and reusable for ttl.
func (l *lru[K, V]) put(k K, v V, now time.Time, ttl time.Duration) {
	if it, ok := l.items[k]; ok {
		it.val, it.fetched, it.ttl = v, now, ttl
		l.unlink(it)
		l.pushFront(it)
		return
	}
	if len(l.items) >= l.max {
		l.evict(now)
	}
	it := &lruItem[K, V]{key: k, val: v, fetched: now, ttl: ttl}
	l.items[k] = it
	l.pushFront(it)
}

// evict drops the expired answers among the least recently used, or the
// least recently used one if none of them has expired.
func (l *lru[K, V]) evict(now time.Time) {
	dropped := false
	it := l.head.prev
	for i := 0; it != &l.head && i < expiredScan; i++ {
		prev := it.prev
		if now.Sub(it.fetched) >= it.ttl {
			l.drop(it)
			dropped = true
		}
		it = prev
	}
	if !dropped && l.head.prev != &l.head {
		l.drop(l.head.prev)
	}
}

func (l *lru[K, V]) drop(it *lruItem[K, V]) {
	l.unlink(it)
	delete(l.items, it.key)
}

func (l *lru[K, V]) unlink(it *lruItem[K, V]) {
	it.prev.next, it.next.prev = it.next, it.prev
}

func (l *lru[K, V]) pushFront(it *lruItem[K, V]) {
	it.prev, it.next = &l.head, l.head.next
	l.head.next.prev = it
	l.head.next = it
}
