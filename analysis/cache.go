package analysis

import (
	"hash/maphash"
	"sync/atomic"
)

// cache is a bounded, concurrency-safe map from words to their stems.
// French text is Zipfian: a few thousand words make most of any text, so a
// cache in front of Snowball turns most stems into one lookup.
//
// It is direct-mapped: a word can only live in the slot its hash names, and
// a new word evicts whatever was there. Reads are one atomic load and a
// comparison — no lock, no shared counter for goroutines on other cores to
// fight over — and an entry, once stored, is never modified. Frequent words
// come back to their slot as soon as they are evicted, so they are almost
// always there; the cost of a collision is one more call to Snowball.
type cache struct {
	seed  maphash.Seed
	mask  uint64
	slots []atomic.Pointer[cacheEntry]
}

type cacheEntry struct {
	word  string
	stems stems
}

// newCache returns a cache of at least capacity slots (a power of two).
func newCache(capacity int) *cache {
	n := 1
	for n < capacity {
		n <<= 1
	}
	return &cache{seed: maphash.MakeSeed(), mask: uint64(n - 1), slots: make([]atomic.Pointer[cacheEntry], n)}
}

// get returns the stems cached for word. They are shared: callers must not
// modify them.
func (c *cache) get(word []byte) (stems, bool) {
	e := c.slots[maphash.Bytes(c.seed, word)&c.mask].Load()
	if e != nil && e.word == string(word) {
		return e.stems, true
	}
	return stems{}, false
}

// put caches v for word. v must not be modified afterwards.
func (c *cache) put(word []byte, v stems) {
	c.slots[maphash.Bytes(c.seed, word)&c.mask].Store(&cacheEntry{string(word), v})
}

// len returns the number of words held.
func (c *cache) len() int {
	n := 0
	for i := range c.slots {
		if c.slots[i].Load() != nil {
			n++
		}
	}
	return n
}
