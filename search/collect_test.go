package search

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	blevesearch "github.com/blevesearch/bleve/v2/search"

	"github.com/dossier-search/dossier-search/dates"
)

// syntheticIndex indexes n random articles in small batches, so that the
// index has several segments, then updates and deletes some of them. In
// memory (dir ""), scorch does not merge them; on disk, it merges in the
// background, which changes the statistics of the scores from one search
// to the next.
func syntheticIndex(t testing.TB, dir string, n int) *Index {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("ligne de commande base données fichier serveur réseau clavier API payante procès " +
		"intelligence artificielle entraînement modèle accès gratuit Twitter Microsoft le la les un une et")
	actors := []string{"Microsoft", "Twitter", "Elon Musk", "OpenAI", "Bill Gates", "Linda Yaccarino"}
	topics := []string{"IA", "Réseaux sociaux", "Justice", "Économie"}
	pick := func(list []string, max int) []string {
		var out []string
		for range rng.IntN(max + 1) {
			if v := list[rng.IntN(len(list))]; !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		return out
	}
	text := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		return b.String()
	}
	doc := func(i int) Document {
		d := Document{ID: fmt.Sprintf("doc-%04d", i), Title: text(3 + rng.IntN(5)), Body: text(20 + rng.IntN(200)),
			Actors: pick(actors, 3), Topics: pick(topics, 2)}
		if rng.IntN(4) > 0 {
			d.Published = dates.Date{Year: 2023, Month: time.Month(1 + rng.IntN(6)), Day: 1 + rng.IntN(28)}
		}
		if rng.IntN(3) > 0 {
			d.Source = []string{"Le Monde", "jeuxvideo.com", "Numerama"}[rng.IntN(3)]
		}
		return d
	}
	var docs []Document
	for i := range n {
		docs = append(docs, doc(i))
	}
	ix, err := create(context.Background(), dir, docs, Options{BatchSize: 37})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	var again []Document
	var gone []string
	for i := 0; i < n; i += 7 {
		again = append(again, doc(i)) // same id, new text: the old version is deleted
		gone = append(gone, fmt.Sprintf("doc-%04d", i+3))
	}
	ctx := context.Background()
	if err := ix.Add(ctx, again); err != nil {
		t.Fatal(err)
	}
	if err := ix.Delete(ctx, gone); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestCollectMatchesBleve runs queries through Search's own executor and
// through bleve's SearchInContext: same totals, same facets, and — for
// queries whose runs of words do not reorder the first page — the same
// hits with the same scores.
func TestCollectMatchesBleve(t *testing.T) {
	ix := syntheticIndex(t, "", 400)
	ctx := context.Background()
	r, err := ix.engine.Reader()
	if err != nil {
		t.Fatal(err)
	}
	snap, err := ix.facets.snapshot(r, ix.bleve.Mapping())
	r.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.segs) < 2 {
		t.Logf("only %d segment(s): the test is weaker", len(snap.segs))
	}
	for _, q := range []string{"*", "ligne", "commande", "ligne de commande", "API payante", "title:serveur",
		"actor:Microsoft", "-clavier", "fichier OR réseau", "serv*", "procs~1", "\"base de données\"",
		"topic:IA date:2023-03", "gratuit -twitter", "nothingatall"} {
		t.Run(q, func(t *testing.T) {
			res, err := ix.Search(ctx, Request{Query: q, Limit: 20, FacetSize: 100})
			if err != nil {
				t.Fatal(err)
			}
			r, err := ix.engine.Reader()
			if err != nil {
				t.Fatal(err)
			}
			c, _, err := ix.query(context.Background(), Request{Query: q}, r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			br := bleve.NewSearchRequestOptions(c.main, 20, 0, false)
			for _, f := range facetFields {
				br.AddFacet(f, bleve.NewFacetRequest(f, 100))
			}
			want, err := ix.bleve.SearchInContext(ctx, br)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != want.Total {
				t.Errorf("total %d, bleve %d", res.Total, want.Total)
			}
			wantFacets := bleveFacets(want.Facets)
			for i, got := range [][]FacetValue{res.Facets.Actor, res.Facets.Topic, res.Facets.Product, res.Facets.Date, res.Facets.Source} {
				if !slices.Equal(got, wantFacets[i]) {
					t.Errorf("facet %s: %v, bleve %v", facetFields[i], got, wantFacets[i])
				}
			}
			if m := want.Facets[fieldMonth]; m != nil && res.Facets.Undated != m.Missing {
				t.Errorf("undated %d, bleve %d", res.Facets.Undated, m.Missing)
			}
			if len(c.runs) > 0 {
				return // the proximity of the words reorders the hits
			}
			if len(res.Hits) != len(want.Hits) {
				t.Fatalf("%d hits, bleve %d", len(res.Hits), len(want.Hits))
			}
			for i, h := range res.Hits {
				w := want.Hits[i]
				if math.Abs(h.Score-w.Score) > 1e-9*max(1, w.Score) {
					t.Errorf("hit %d: %s %.6f, bleve %s %.6f", i, h.ID, h.Score, w.ID, w.Score)
				} else if h.ID != w.ID && (i == 0 || want.Hits[i-1].Score != w.Score) && (i+1 == len(want.Hits) || want.Hits[i+1].Score != w.Score) {
					t.Errorf("hit %d: %s, bleve %s (score %.6f)", i, h.ID, w.ID, w.Score)
				}
			}
		})
	}
}

// bleveFacets returns bleve's facets in the order of facetFields, sorted
// as Search sorts them.
func bleveFacets(fr blevesearch.FacetResults) [][]FacetValue {
	var out [][]FacetValue
	for _, f := range facetFields {
		values := []FacetValue{}
		if r := fr[f]; r != nil && r.Terms != nil {
			for _, t := range r.Terms.Terms() {
				values = append(values, FacetValue{t.Term, t.Count})
			}
		}
		slices.SortFunc(values, func(a, b FacetValue) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Value, b.Value)) })
		if f == fieldMonth {
			slices.SortFunc(values, func(a, b FacetValue) int { return cmp.Compare(a.Value, b.Value) })
		}
		out = append(out, values)
	}
	return out
}

// TestTopK compares topK with sorting everything.
func TestTopK(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct{ n, k int }{{0, 10}, {5, 10}, {10, 10}, {100, 10}, {1000, 50}, {100, 1}, {50, 0}} {
		t.Run(fmt.Sprintf("%d/%d", tc.n, tc.k), func(t *testing.T) {
			var all []scored
			top := topK{k: tc.k}
			for i := range tc.n {
				s := scored{uint64(i), float64(rng.IntN(20))} // many ties
				all = append(all, s)
				top.offer(s)
			}
			slices.SortFunc(all, better)
			want := all[:min(tc.k, len(all))]
			if got := top.sorted(); !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

// TestTogether checks the proximity bonus on the seeds' kind of phrases.
func TestTogether(t *testing.T) {
	m := func(term string, pos int) match { return match{term: term, pos: pos} }
	runs := []run{{positions: [][]string{{"lign"}, nil, {"command"}}}}
	for _, tc := range []struct {
		name        string
		title, body []match
		want        bool
	}{
		{"together in the body", nil, []match{m("lign", 4), m("command", 6)}, true},
		{"together in the title", []match{m("lign", 1), m("command", 3)}, nil, true},
		{"apart", nil, []match{m("lign", 4), m("command", 9)}, false},
		{"reversed", nil, []match{m("command", 4), m("lign", 6)}, false},
		{"one in the title, one in the body", []match{m("lign", 1)}, []match{m("command", 3)}, false},
		{"among others", nil, []match{m("lign", 1), m("command", 9), m("lign", 20), m("command", 22)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := together(runs, tc.title, tc.body); got != tc.want {
				t.Errorf("got %v", got)
			}
		})
	}
	if together([]run{{positions: [][]string{{"lign"}, nil, {"command"}}, field: fieldTitle}}, nil, []match{m("lign", 4), m("command", 6)}) {
		t.Error("title:\"…\" run found together in the body")
	}
}

// TestCompact merges the segments of an index of many small batches into
// one; searches find the same.
func TestCompact(t *testing.T) {
	ix := syntheticIndex(t, filepath.Join(t.TempDir(), "index"), 400)
	ctx := context.Background()
	segments := func() int {
		r, err := ix.engine.Reader()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		s, err := ix.facets.snapshot(r, ix.bleve.Mapping())
		if err != nil {
			t.Fatal(err)
		}
		return len(s.segs)
	}
	before, err := ix.Search(ctx, Request{Query: "ligne de commande", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	n := segments()
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if m := segments(); m != 1 {
		t.Errorf("%d segments after Compact (%d before)", m, n)
	}
	after, err := ix.Search(ctx, Request{Query: "ligne de commande", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// The same documents, but not the same scores: merging drops the deleted
	// documents, which the statistics of BM25 counted.
	ids := func(r *Results) []string {
		var out []string
		for _, h := range r.Hits {
			out = append(out, h.ID)
		}
		slices.Sort(out)
		return out
	}
	if before.Total != after.Total || !slices.Equal(ids(before), ids(after)) || !reflect.DeepEqual(before.Facets, after.Facets) {
		t.Errorf("before Compact %+v\nafter %+v", before, after)
	}

	// In memory, scorch has no merger to ask: Compact must not wait for one.
	mem, err := New(ctx, []Document{{ID: "a", Title: "Titre", Body: "Texte."}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	done := make(chan error)
	go func() { done <- mem.Compact(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Compact of an index in memory waits for ever")
	}
}
