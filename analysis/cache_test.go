package analysis

import (
	"fmt"
	"sync"
	"testing"
)

func TestCacheBounded(t *testing.T) {
	c := newCache[stems](200) // rounded up to 256 slots
	for i := 0; i < 10000; i++ {
		w := []byte(fmt.Sprintf("mot%d", i))
		c.put(w, stems{stem: w})
		if got, ok := c.get(w); !ok || string(got.stem) != string(w) {
			t.Fatalf("get(%s) just after put = %q, %v", w, got.stem, ok)
		}
	}
	if n := c.len(); n > 256 || n < 100 {
		t.Errorf("cache holds %d words, want at most 256 and most slots used", n)
	}
}

func TestCacheConcurrent(t *testing.T) {
	c := newCache[stems](64)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				w := []byte(fmt.Sprintf("w%d", (i*7+g)%300))
				if s, ok := c.get(w); ok && string(s.stem) != "s"+string(w) {
					t.Errorf("get(%s) = %s", w, s.stem)
					return
				}
				c.put(w, stems{stem: []byte("s" + string(w))})
			}
		}()
	}
	wg.Wait()
}
