package search_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-search/dossier-search/internal/hostile"
	"github.com/dossier-search/dossier-search/search"
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

// FuzzSearch runs whatever query on the seed index: it is answered, with
// marks inside their texts on rune boundaries, or refused with a one-line
// *QueryError; never a panic, never a search that does not end.
func FuzzSearch(f *testing.F) {
	for _, q := range hostile.Queries() {
		if len(q.Text) < 200 {
			f.Add(q.Text)
		}
	}
	for _, q := range []string{"API payante", `"l’heure du procès"`, "(Musk OR Gates) -Apple", `actor:"Elon Musk"`,
		"date:2023-04-01..2023-05-31", "api* tweeter~1", "title:(a OR b)", "« a »", "procès NOT (Apple OR topic:publicite)"} {
		f.Add(q)
	}
	ix, _ := seedIndex(f)
	f.Fuzz(func(t *testing.T, q string) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		start := time.Now()
		res, err := ix.Search(ctx, search.Request{Query: q, Limit: 3})
		if took := time.Since(start); took > 2*time.Second {
			t.Fatalf("%q: took %v", q, took)
		}
		if err != nil {
			var qe *search.QueryError
			if !errors.As(err, &qe) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: %v", q, err)
			}
			return
		}
		if len(res.Hits) > 3 || uint64(len(res.Hits)) > res.Total {
			t.Fatalf("%q: %d hits of %d", q, len(res.Hits), res.Total)
		}
		for _, h := range res.Hits {
			checkMarks(t, q, h.Title, h.TitleMarks)
			for _, s := range h.Snippets {
				checkMarks(t, q, s.Text, s.Marks)
			}
		}
	})
}

func checkMarks(t *testing.T, q, text string, marks []search.Span) {
	t.Helper()
	end := 0
	for _, m := range marks {
		if m.Start < end || m.End <= m.Start || m.End > len(text) ||
			!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End]) {
			t.Fatalf("%q: mark %v in %q", q, m, text)
		}
		end = m.End
	}
}
