package analysis

import (
	"hash/maphash"
	"sync/atomic"
)

// cache is a bounded, concurrency-safe map from words to what analysis
// makes of them: their stems, or their whole analysis. French text is
// Zipfian: a few thousand words make most of any text, so a cache in front
// of Snowball turns most stems into one lookup.
//
// It is direct-mapped: a word can only live in the slot its hash names, and
// a new word evicts whatever was there. Reads are one atomic load and a
// comparison — no lock, no shared counter for goroutines on other cores to
// fight over — and an entry, once stored, is never modified. Frequent words
// come back to their slot as soon as they are evicted, so they are almost
// always there; the cost of a collision is one more call to Snowball.
type cache[V any] struct {
	seed  maphash.Seed
	mask  uint64
	slots []atomic.Pointer[cacheEntry[V]]
}

type cacheEntry[V any] struct {
	word  string
	value V
}

// newCache returns a cache of at least capacity slots (a power of two).
func newCache[V any](capacity int) *cache[V] {
	n := 1
	for n < capacity {
		n <<= 1
	}
	return &cache[V]{seed: maphash.MakeSeed(), mask: uint64(n - 1), slots: make([]atomic.Pointer[cacheEntry[V]], n)}
}

// get returns the value cached for word. It is shared: callers must not
// modify it.
func (c *cache[V]) get(word []byte) (V, bool) {
	e := c.slots[maphash.Bytes(c.seed, word)&c.mask].Load()
	if e != nil && e.word == string(word) {
		return e.value, true
	}
	var zero V
	return zero, false
}

// put caches v for word. v must not be modified afterwards.
func (c *cache[V]) put(word []byte, v V) {
	c.slots[maphash.Bytes(c.seed, word)&c.mask].Store(&cacheEntry[V]{string(word), v})
}

// len returns the number of words held.
func (c *cache[V]) len() int {
	n := 0
	for i := range c.slots {
		if c.slots[i].Load() != nil {
			n++
		}
	}
	return n
}
