package dossier

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dossier-search/dossier-search/search"
)

// TestSearchWhileIndexing runs searches from several goroutines while
// another updates the same index directory again and again: every search
// answers, from the generation that was current when its index was opened,
// and the race detector (CI runs this package with -race) finds nothing.
// Some searchers open the directory for each search, racing with the
// switch to a new generation and the removal of the old one; one keeps an
// index open across the updates.
func TestSearchWhileIndexing(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	for i := range 20 {
		write(t, filepath.Join(src, fmt.Sprintf("stable-%02d.txt", i)), fmt.Sprintf("Article %d\n\nMicrosoft refuse de payer l’API de Twitter, article %d.", i, i))
	}
	ctx := context.Background()
	if _, err := Index(ctx, out, []string{src}, Options{}); err != nil {
		t.Fatal(err)
	}
	const stable = 20

	long, err := search.OpenReadOnly(out) // kept open while its generation is removed
	if err != nil {
		t.Fatal(err)
	}
	defer long.Close()

	updates := 15
	if testing.Short() {
		updates = 6
	}
	var done atomic.Bool
	var searches atomic.Int64
	var wg sync.WaitGroup
	check := func(ix *search.Index, who string) bool {
		res, err := ix.Search(ctx, search.Request{Query: "Microsoft API", Limit: 5})
		if err != nil {
			t.Errorf("%s: %v", who, err)
			return false
		}
		if res.Total < stable {
			t.Errorf("%s: %d hits, want at least %d", who, res.Total, stable)
			return false
		}
		searches.Add(1)
		return true
	}
	for g := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !done.Load() {
				ix, err := search.OpenReadOnly(out)
				if err != nil {
					t.Errorf("searcher %d: %v", g, err)
					return
				}
				ok := check(ix, fmt.Sprintf("searcher %d", g))
				ix.Close()
				if !ok {
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !done.Load() && check(long, "long-lived searcher") {
		}
	}()

	for i := range updates {
		// A new article, a changed one and, every other time, one removed.
		write(t, filepath.Join(src, fmt.Sprintf("new-%02d.txt", i)), fmt.Sprintf("Nouveau %d\n\nMicrosoft et l’API, épisode %d.", i, i))
		write(t, filepath.Join(src, "changing.txt"), fmt.Sprintf("Version %d\n\nMicrosoft change d’avis sur l’API, version %d.", i, i))
		later := time.Now().Add(time.Duration(i+1) * time.Second)
		chtimes(t, filepath.Join(src, "changing.txt"), later)
		if i%2 == 1 {
			remove(t, filepath.Join(src, fmt.Sprintf("new-%02d.txt", i-1)))
		}
		sum, err := Index(ctx, out, []string{src}, Options{})
		if err != nil {
			t.Fatalf("update %d: %v", i, err)
		}
		if sum.Added+sum.Updated == 0 {
			t.Fatalf("update %d changed nothing: %+v", i, sum)
		}
	}
	done.Store(true)
	wg.Wait()
	t.Logf("%d updates, %d searches", updates, searches.Load())
	if searches.Load() < int64(updates) {
		t.Errorf("only %d searches during %d updates", searches.Load(), updates)
	}
}

func chtimes(t *testing.T, path string, at time.Time) {
	t.Helper()
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}
