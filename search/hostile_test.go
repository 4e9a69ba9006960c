package search_test

import (
	"testing"
	"time"

	"github.com/dossier-search/dossier-search/internal/hostile"
)

// TestHostileQueries throws the hostile queries at the seed index: each
// is answered or refused with a clear error, within a second, without a
// panic (see ../internal/hostile; ../hostile_test.go does it on the 20 MB
// corpus).
func TestHostileQueries(t *testing.T) {
	ix, _ := seedIndex(t)
	for _, q := range hostile.Queries() {
		t.Run(q.Name, func(t *testing.T) { hostile.Check(t, ix, q, time.Second) })
	}
}
