package analysis

import (
	"hash/maphash"
	"sync"
)

// cache is a bounded, concurrency-safe map from words to their stems. French text is Zipfian: a few thousand words make most of any text,
// so a cache in front of Snowball turns most stems into one map lookup.
//
// It is split into shards, each with its own lock, so that indexing
// goroutines seldom wait for each other. Each shard keeps two generations:
// new words go into the current one; when it is full it becomes the old one
// and the previous old one is dropped; a word found in the old generation is
// copied into the current one. Frequent words thus survive every turn while
// memory stays below 2 × capacity entries — an approximation of LRU that
// costs nothing on a hit.
type cache struct {
	seed   maphash.Seed
	shards [cacheShards]cacheShard
}

const cacheShards = 64

type cacheShard struct {
	mu       sync.RWMutex
	cur, old map[string]stems
	max      int
}

// newCache returns a cache that holds at least capacity entries and at most
// twice that.
func newCache(capacity int) *cache {
	c := &cache{seed: maphash.MakeSeed()}
	per := max(capacity/cacheShards, 1)
	for i := range c.shards {
		c.shards[i].max = per
		c.shards[i].cur = make(map[string]stems, per)
	}
	return c
}

func (c *cache) shard(word []byte) *cacheShard {
	return &c.shards[maphash.Bytes(c.seed, word)%cacheShards]
}

// get returns the stems cached for word. They are shared: callers must not
// modify them.
func (c *cache) get(word []byte) (stems, bool) {
	s := c.shard(word)
	s.mu.RLock()
	v, ok := s.cur[string(word)]
	if !ok && s.old != nil {
		v, ok = s.old[string(word)]
		if ok {
			s.mu.RUnlock()
			s.put(string(word), v)
			return v, true
		}
	}
	s.mu.RUnlock()
	return v, ok
}

// put caches v for word. v must not be modified afterwards.
func (c *cache) put(word []byte, v stems) {
	c.shard(word).put(string(word), v)
}

func (s *cacheShard) put(word string, v stems) {
	s.mu.Lock()
	if len(s.cur) >= s.max {
		s.old = s.cur
		s.cur = make(map[string]stems, s.max)
	}
	s.cur[word] = v
	s.mu.Unlock()
}

// len returns the number of entries held.
func (c *cache) len() int {
	n := 0
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.RLock()
		n += len(s.cur) + len(s.old)
		s.mu.RUnlock()
	}
	return n
}
