package dossiersearch_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dossier-search/dossier-search/internal/hostile"
	"github.com/dossier-search/dossier-search/search"
)

// TestHostileCorpus throws the hostile queries (../internal/hostile) at
// the index of the 20 MB corpus: each is answered or refused with a clear
// error within a second, and a search that would take longer stops at its
// context's deadline. It needs the corpus (see corpusPath) and takes the
// time of indexing it: skipped with -short.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes the 20 MB corpus")
	}
	_, ix := corpusIndex(t, corpusPath(t))
	ctx := context.Background()
	for _, q := range hostile.Queries() {
		t.Run(q.Name, func(t *testing.T) { hostile.Check(t, ix, q, time.Second) })
	}

	// The heaviest query the limits allow, with a deadline it cannot meet.
	heavy := "a* e* i* o* u* (ligne OR base OR fichier OR commande OR données)"
	start := time.Now()
	res, err := ix.Search(ctx, search.Request{Query: heavy})
	if err != nil {
		t.Fatal(err)
	}
	full := time.Since(start)
	t.Logf("%q: %d hits in %v", heavy, res.Total, full)
	for _, d := range []time.Duration{0, time.Microsecond, full / 10} {
		ctx, cancel := context.WithTimeout(ctx, d)
		start := time.Now()
		_, err := ix.Search(ctx, search.Request{Query: heavy})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("deadline %v: %v", d, err)
		}
		if took := time.Since(start); took > d+full/2 {
			t.Errorf("deadline %v: returned after %v", d, took)
		}
	}
}
