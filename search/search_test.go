package search_test

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-search/dossier-search/analysis"
	"github.com/dossier-search/dossier-search/annotate"
	"github.com/dossier-search/dossier-search/dates"
	"github.com/dossier-search/dossier-search/internal/golden"
	"github.com/dossier-search/dossier-search/search"
	"github.com/dossier-search/dossier-search/seeds"
)

func seedIndex(t testing.TB) (*search.Index, []search.Document) {
	t.Helper()
	docs, err := seeds.Documents()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.New(context.Background(), docs, search.Options{Annotate: annotate.Annotator{}.Document})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix, docs
}

func ids(res *search.Results) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID[:3])
	}
	return out
}

// TestRelevance runs the relevance table of ../testdata/relevance.json.
func TestRelevance(t *testing.T) {
	data, err := os.ReadFile("../testdata/relevance.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Queries []struct {
			Query            string
			Only, Match, Not []string
			First, Why       string
		}
	}
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	if len(table.Queries) < 15 {
		t.Fatalf("only %d queries in the relevance table", len(table.Queries))
	}
	ix, _ := seedIndex(t)
	for _, c := range table.Queries {
		t.Run(c.Query, func(t *testing.T) {
			res, err := ix.Search(context.Background(), search.Request{Query: c.Query})
			if err != nil {
				t.Fatal(err)
			}
			got := ids(res)
			if c.Only != nil {
				want := slices.Clone(c.Only)
				have := slices.Clone(got)
				slices.Sort(want)
				slices.Sort(have)
				if !slices.Equal(have, want) {
					t.Errorf("%q (%s): got %v, want exactly %v", c.Query, c.Why, got, c.Only)
				}
			}
			for _, id := range c.Match {
				if !slices.Contains(got, id) {
					t.Errorf("%q (%s): %s missing from %v", c.Query, c.Why, id, got)
				}
			}
			for _, id := range c.Not {
				if slices.Contains(got, id) {
					t.Errorf("%q (%s): %s should not be in %v", c.Query, c.Why, id, got)
				}
			}
			if c.First != "" && (len(got) == 0 || got[0] != c.First) {
				t.Errorf("%q (%s): %s should rank first in %v", c.Query, c.Why, c.First, got)
			}
		})
	}
}

// TestSnippets checks what a reader sees of every snippet: valid UTF-8, no
// HTML entity, passages cut on word boundaries of the text, marks on the
// word and not on the elided article before it.
func TestSnippets(t *testing.T) {
	ix, docs := seedIndex(t)
	bodies := map[string]string{}
	for _, d := range docs {
		bodies[d.ID] = strings.Join(strings.Fields(d.Body), " ")
	}
	for _, q := range []string{"API payante", "l’API", "procès", "GPT-4", "intellig*", "\"c’est l’heure du procès\"", "Yacarino~1", "42000", "*", "source:jeuxvideo.com"} {
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if len(h.Snippets) == 0 || len(h.Snippets) > 3 {
				t.Errorf("%q: %s has %d snippets", q, h.ID, len(h.Snippets))
			}
			for _, s := range h.Snippets {
				checkSnippet(t, q, s, bodies[h.ID])
			}
		}
	}
}

func checkSnippet(t *testing.T, q string, s search.Snippet, body string) {
	t.Helper()
	if !utf8.ValidString(s.Text) {
		t.Errorf("%q: snippet %q is not valid UTF-8", q, s.Text)
	}
	for _, entity := range []string{"&#", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;"} {
		if strings.Contains(s.Text, entity) {
			t.Errorf("%q: snippet %q has an HTML entity", q, s.Text)
		}
	}
	passage := strings.TrimSuffix(strings.TrimPrefix(s.Text, "… "), " …")
	i := strings.Index(body, passage)
	if i < 0 {
		t.Errorf("%q: snippet %q is not a passage of the text", q, s.Text)
		return
	}
	if i > 0 && body[i-1] != ' ' || i+len(passage) < len(body) && body[i+len(passage)] != ' ' {
		t.Errorf("%q: snippet %q does not start and end on word boundaries", q, s.Text)
	}
	last := 0
	for _, m := range s.Marks {
		if m.Start < last || m.End <= m.Start || m.End > len(s.Text) {
			t.Fatalf("%q: bad mark %v in %q", q, m, s.Text)
		}
		last = m.End
		word := s.Text[m.Start:m.End]
		for _, article := range []string{"l’", "l'", "d’", "d'", "qu’", "L’"} {
			if strings.HasPrefix(word, article) {
				t.Errorf("%q: mark %q covers an elided article", q, word)
			}
		}
	}
	if q == "l’API" && len(s.Marks) == 0 {
		t.Errorf("%q: snippet %q marks nothing", q, s.Text)
	}
}

func TestSnippetFormat(t *testing.T) {
	text := "à son API payante <b>&"
	api, payante := strings.Index(text, "API"), strings.Index(text, "payante")
	s := search.Snippet{Text: text, Marks: []search.Span{{api, api + 3}, {payante, payante + 7}}}
	if got, want := s.Format("«", "»"), "à son «API» «payante» <b>&"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if got, want := s.HTML(), "à son <mark>API</mark> <mark>payante</mark> &lt;b&gt;&amp;"; got != want {
		t.Errorf("HTML = %q, want %q", got, want)
	}
}

func TestFacets(t *testing.T) {
	ix, _ := seedIndex(t)
	res, err := ix.Search(context.Background(), search.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 5 {
		t.Errorf("total %d, want 5", res.Total)
	}
	f := res.Facets
	if got := f.Source; len(got) != 2 || got[0] != (search.FacetValue{Value: "jeuxvideo.com", Count: 2}) {
		t.Errorf("source facet %v", got)
	}
	if got := f.Date; len(got) != 1 || got[0] != (search.FacetValue{Value: "2023-04", Count: 3}) || f.Undated != 2 {
		t.Errorf("date facet %v, undated %d", got, f.Undated)
	}
}

func TestFilters(t *testing.T) {
	ix, _ := seedIndex(t)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		req  search.Request
		want []string
	}{
		{"source", search.Request{Query: "Microsoft", Sources: []string{"jeuxvideo.com"}}, []string{"000", "001"}},
		{"source without case", search.Request{Sources: []string{"COEUR SUR PARIS"}}, []string{"004"}},
		{"since", search.Request{Since: dates.Date{Year: 2023, Month: 4}}, []string{"000", "001", "003"}},
		{"until", search.Request{Until: dates.Date{Year: 2023, Month: 3}}, nil},
		{"since and until", search.Request{Since: dates.Date{Year: 2023}, Until: dates.Date{Year: 2023, Month: 4, Day: 30}}, []string{"000", "001", "003"}},
		{"actor alias", search.Request{Actors: []string{"le patron de Twitter"}, Topics: []string{"liberte-expression"}}, []string{"004"}},
		{"product", search.Request{Products: []string{"bing"}}, []string{"001"}},
		{"two sources", search.Request{Sources: []string{"jeuxvideo.com", "Coeur sur Paris"}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := ix.Search(ctx, c.req)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(res)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestLimitOffset(t *testing.T) {
	ix, _ := seedIndex(t)
	ctx := context.Background()
	all, _ := ix.Search(ctx, search.Request{Query: "Microsoft"})
	none, _ := ix.Search(ctx, search.Request{Query: "Microsoft", Limit: -1})
	if len(none.Hits) != 0 || none.Total != all.Total || len(none.Facets.Source) == 0 {
		t.Errorf("Limit -1: %d hits, total %d, facets %v", len(none.Hits), none.Total, none.Facets)
	}
	page, _ := ix.Search(ctx, search.Request{Query: "Microsoft", Limit: 2, Offset: 1})
	if got, want := ids(page), ids(all)[1:3]; !slices.Equal(got, want) {
		t.Errorf("Limit 2 Offset 1: %v, want %v", got, want)
	}
}

func TestQueryError(t *testing.T) {
	ix, _ := seedIndex(t)
	_, err := ix.Search(context.Background(), search.Request{Query: "(Musk OR"})
	var qe *search.QueryError
	if !errors.As(err, &qe) {
		t.Fatalf("err = %v, want a *QueryError", err)
	}
}

func TestStopWordsOnly(t *testing.T) {
	ix, _ := seedIndex(t)
	res, err := ix.Search(context.Background(), search.Request{Query: "le la les"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 || len(res.Warnings) != 1 {
		t.Errorf("total %d, warnings %q: want no hit and a warning", res.Total, res.Warnings)
	}
}

func TestContextCancelled(t *testing.T) {
	ix, docs := seedIndex(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, search.Request{Query: "Microsoft"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Search with a cancelled context: %v", err)
	}
	if _, err := search.New(ctx, docs, search.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("New with a cancelled context: %v", err)
	}
}

func TestBuildOpen(t *testing.T) {
	docs, err := seeds.Documents()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	ctx := context.Background()
	ix, err := search.Build(ctx, dir, docs, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := ix.Search(ctx, search.Request{Query: "API payante"})
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := search.Build(ctx, dir, docs, search.Options{}); err == nil {
		t.Errorf("Build over an existing index succeeded")
	}
	for _, open := range []func(string) (*search.Index, error){search.Open, search.OpenReadOnly} {
		ix, err := open(dir)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ix.Search(ctx, search.Request{Query: "API payante"})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(got), ids(want)) || got.Hits[0].Snippets[0].Text != want.Hits[0].Snippets[0].Text {
			t.Errorf("reopened index answers %v, want %v", ids(got), ids(want))
		}
		ix.Close()
	}
	if _, err := search.Open(filepath.Join(t.TempDir(), "none")); !errors.Is(err, search.ErrNoIndex) {
		t.Errorf("Open of an empty directory: %v, want ErrNoIndex", err)
	}
}

// TestConcurrentSearch searches from several goroutines while another adds
// documents (run it with -race): an Index is safe to share.
func TestConcurrentSearch(t *testing.T) {
	ix, docs := seedIndex(t)
	ctx := context.Background()
	done := make(chan error, 5)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 20; i++ {
				res, err := ix.Search(ctx, search.Request{Query: []string{"API payante", "procès", "Musk OR Gates", "*"}[(g+i)%4]})
				if err != nil {
					done <- err
					return
				}
				if res.Total == 0 {
					done <- errors.New("no hit")
					return
				}
			}
			done <- nil
		}()
	}
	go func() {
		for i := 0; i < 10; i++ {
			d := docs[i%len(docs)]
			d.ID = fmt.Sprintf("copy-%d", i)
			if err := ix.Add(ctx, []search.Document{d}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for i := 0; i < 5; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	if n, _ := ix.Count(); n != 15 {
		t.Errorf("%d documents after adding 10 to 5", n)
	}
}

// TestActorFacet checks the actor facet of the whole dossier: the actors a
// reader finds in the seeds, and nothing that is not one
// (testdata/actor_facet.golden, refreshed with -update).
func TestActorFacet(t *testing.T) {
	ix, _ := seedIndex(t)
	res, err := ix.Search(context.Background(), search.Request{FacetSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var names []string
	for _, v := range res.Facets.Actor {
		fmt.Fprintf(&b, "%s\t%d\n", v.Value, v.Count)
		names = append(names, v.Value)
	}
	for _, want := range []string{"Elon Musk", "Microsoft", "Twitter", "OpenAI", "Apple", "Tim Cook", "Alex Spiro", "Frank Shaw",
		"Bill Gates", "Sam Altman", "Linda Yaccarino", "Reddit", "Google", "Intercom", "Tesla"} {
		if !slices.Contains(names, want) {
			t.Errorf("the actor facet lacks %s", want)
		}
	}
	for _, product := range []string{"ChatGPT", "Bing", "Xbox", "Copilot", "GPT-4"} {
		if slices.Contains(names, product) {
			t.Errorf("%s is a product, not an actor", product)
		}
	}
	golden.Check(t, "testdata/actor_facet.golden", b.String())
}

// TestAnalyzeShared indexes the seeds with the tokens search.Analyze kept
// in them and without: the same hits, scores and snippets. A document whose
// body changed after Analyze is indexed by its new body.
func TestAnalyzeShared(t *testing.T) {
	docs, err := seeds.Documents()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	build := func(analyze bool, opts search.Options) *search.Index {
		var in []search.Document
		for _, d := range docs {
			annotate.Annotator{}.Document(&d) // analyses d for its topics
			if !analyze {
				// A copy without the tokens.
				d = search.Document{ID: d.ID, Title: d.Title, Body: d.Body, Source: d.Source, URL: d.URL,
					Published: d.Published, PublishedOrigin: d.PublishedOrigin, Actors: d.Actors, ActorAliases: d.ActorAliases,
					Products: d.Products, Topics: d.Topics, TopicAliases: d.TopicAliases, Mentions: d.Mentions, Meta: d.Meta}
			}
			in = append(in, d)
		}
		ix, err := search.New(ctx, in, opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	shared, plain := build(true, search.Options{}), build(false, search.Options{})
	for _, q := range []string{"API payante", "procès", "l’API de Twitter", "\"c’est l’heure du procès\"", "entraînés", "42000", "intellig*", "*"} {
		a, err := shared.Search(ctx, search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := plain.Search(ctx, search.Request{Query: q})
		a.Took, b.Took = 0, 0
		for _, r := range []*search.Results{a, b} { // ties come in the order of the index, which a batch does not keep
			slices.SortStableFunc(r.Hits, func(x, y search.Hit) int { return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.ID, y.ID)) })
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%q: with shared tokens %+v\nwithout %+v", q, a, b)
		}
	}

	d := docs[0]
	search.Analyze(&d)
	d.Body = "Un texte tout autre sur les pangolins."
	ix, err := search.New(ctx, []search.Document{d}, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if res, _ := ix.Search(ctx, search.Request{Query: "pangolins"}); res.Total != 1 {
		t.Error("the body changed after Analyze is not the one indexed")
	}
	if res, _ := ix.Search(ctx, search.Request{Query: "Twitter"}); res.Total != 0 && !strings.Contains(strings.ToLower(d.Title), "twitter") {
		t.Error("the body analysed before the change was indexed")
	}

	// An index with other word lists analyses the text itself: here "les",
	// a default stop word, is no stop word.
	search.Analyze(&d)
	custom, err := search.New(ctx, []search.Document{d}, search.Options{Analysis: analysis.Options{StopWords: []string{}}})
	if err != nil {
		t.Fatal(err)
	}
	defer custom.Close()
	if res, _ := custom.Search(ctx, search.Request{Query: "les"}); res.Total != 1 {
		t.Error("an index without stop words got the default analysis")
	}
}
