package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	blevesearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/dossier-search/dossier-search/dates"
)

// Request is a search. Its zero value asks for the ten best documents of
// the whole dossier, with facets.
type Request struct {
	// Query is written in the query language of the package documentation;
	// "" and "*" match every document.
	Query string
	// Limit is the number of hits to return; 0 means 10, a negative number
	// none (for totals and facets only).
	Limit int
	// Offset skips the first hits, for paging.
	Offset int
	// Actors, Topics, Products and Sources keep the documents that have all
	// the values given, compared without case or accents, as actor:,
	// topic:, product: and source: do; an actor or topic may be named by
	// any of its names.
	Actors, Topics, Products, Sources []string
	// Since and Until keep the documents published within the periods they
	// name, both included (Until 2023-05 keeps all of May); zero means no
	// bound. A document dated only to the month counts as published on its
	// first day.
	Since, Until dates.Date
	// Snippets is the number of passages per hit; 0 means 3, a negative
	// number none.
	Snippets int
	// FacetSize is the number of values per facet; 0 means 20.
	FacetSize int
}

// Results are the answer to a Request.
type Results struct {
	Query    string        // the query, as given
	Total    uint64        // documents matched
	Took     time.Duration // time spent searching, snippets included
	Hits     []Hit         // best first
	Facets   Facets        // over all the documents matched
	Warnings []string      // what the query had that was left out
}

// Hit is a matching document.
type Hit struct {
	ID              string
	Title           string
	TitleMarks      []Span // the words of the title that the query matched
	Source          string
	URL             string
	Published       dates.Date   // zero when unknown
	PublishedOrigin dates.Origin // metadata, header line or inferred
	Score           float64
	Actors          []string
	Products        []string
	Topics          []string
	Snippets        []Snippet
}

// Facets count the matching documents by value, most frequent first, but
// for Date, which is in calendar order.
type Facets struct {
	Actor, Topic, Product, Date, Source []FacetValue
	// Undated counts the matching documents without a publication date.
	Undated int
}

// FacetValue is a value of a facet and the number of documents that have it.
type FacetValue struct {
	Value string
	Count int
}

// Search runs req. A malformed query gives a *QueryError.
func (ix *Index) Search(ctx context.Context, req Request) (*Results, error) {
	start := time.Now()
	q, warnings, err := ix.query(req)
	if err != nil {
		return nil, err
	}

	limit := cmp.Or(req.Limit, 10)
	if limit < 0 {
		limit = 0
	}
	br := bleve.NewSearchRequestOptions(q, limit, max(req.Offset, 0), false)
	br.Fields = []string{fieldTitle, fieldBody, fieldSource, fieldURL, fieldPublished, fieldPrecision, fieldOrigin,
		fieldActor, fieldTopic, fieldProduct}
	facetSize := cmp.Or(req.FacetSize, defaultFacetLen)
	for _, f := range []string{fieldActor, fieldTopic, fieldProduct, fieldMonth, fieldSource} {
		br.AddFacet(f, bleve.NewFacetRequest(f, facetSize))
	}
	res, err := ix.bleve.SearchInContext(ctx, br)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}

	out := &Results{Query: req.Query, Total: res.Total, Warnings: warnings}
	nSnippets := cmp.Or(req.Snippets, 3)
	var locations map[string]blevesearch.FieldTermLocationMap
	if nSnippets > 0 && len(res.Hits) > 0 {
		if locations, err = ix.locations(ctx, q, res.Hits); err != nil {
			return nil, err
		}
	}
	for _, h := range res.Hits {
		hit := Hit{
			ID:       h.ID,
			Title:    stringField(h.Fields[fieldTitle]),
			Source:   stringField(h.Fields[fieldSource]),
			URL:      stringField(h.Fields[fieldURL]),
			Score:    h.Score,
			Actors:   stringsField(h.Fields[fieldActor]),
			Products: stringsField(h.Fields[fieldProduct]),
			Topics:   stringsField(h.Fields[fieldTopic]),
		}
		hit.Published = publishedField(h.Fields[fieldPublished], stringField(h.Fields[fieldPrecision]))
		hit.PublishedOrigin = origins[stringField(h.Fields[fieldOrigin])]
		hit.TitleMarks = mergeSpans(hit.Title, locations[h.ID][fieldTitle])
		if nSnippets > 0 {
			hit.Snippets = snippets(stringField(h.Fields[fieldBody]), matches(locations[h.ID][fieldBody]), nSnippets)
		}
		out.Hits = append(out.Hits, hit)
	}
	out.Facets = facets(res.Facets)
	out.Took = time.Since(start)
	return out, nil
}

// query returns the bleve query of req, its query and its filters, and the
// warnings of its compilation. A query that can match nothing (only stop
// words) gives a query that matches nothing.
func (ix *Index) query(req Request) (query.Query, []string, error) {
	tree, err := parse(req.Query)
	if err != nil {
		return nil, nil, err
	}
	c := &compiler{analyzer: ix.analyzer}
	q := c.compile(tree)
	if q == nil {
		q = query.NewMatchNoneQuery()
	}
	if filters := req.filters(); len(filters) > 0 {
		q = query.NewConjunctionQuery(append([]query.Query{q}, filters...))
	}
	return q, c.warnings, nil
}

// locations returns, for each hit, where the terms of q stand in its
// fields. The index keeps them (its term vectors, also needed for phrases),
// so snippets need no analysis at search time. Asking for them costs work
// on every matching document, so it is done in a second search restricted to
// the hits.
func (ix *Index) locations(ctx context.Context, q query.Query, hits blevesearch.DocumentMatchCollection) (map[string]blevesearch.FieldTermLocationMap, error) {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	br := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), q}), len(ids), 0, false)
	br.IncludeLocations = true
	res, err := ix.bleve.SearchInContext(ctx, br)
	if err != nil {
		return nil, fmt.Errorf("search term locations: %w", err)
	}
	out := make(map[string]blevesearch.FieldTermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h.Locations
	}
	return out, nil
}

// matches lists the locations of terms in a field.
func matches(terms blevesearch.TermLocationMap) []match {
	var out []match
	for term, locs := range terms {
		for _, l := range locs {
			out = append(out, match{Span{int(l.Start), int(l.End)}, term})
		}
	}
	return out
}

// mergeSpans returns the spans of the matched terms of a short text, merged
// and in order.
func mergeSpans(text string, terms blevesearch.TermLocationMap) []Span {
	var spans []Span
	for _, m := range mergeMatches(validMatches(text, matches(terms))) {
		spans = append(spans, m.Span)
	}
	return spans
}

// filters returns the queries for the filters of req.
func (req Request) filters() []query.Query {
	var fs []query.Query
	for _, f := range []struct {
		field  string
		values []string
	}{{fieldActor, req.Actors}, {fieldTopic, req.Topics}, {fieldProduct, req.Products}, {fieldSource, req.Sources}} {
		for _, v := range f.values {
			q := query.NewTermQuery(key(v))
			q.SetField(keyField(f.field))
			fs = append(fs, q)
		}
	}
	if !req.Since.IsZero() || !req.Until.IsZero() {
		var from, to time.Time
		if !req.Since.IsZero() {
			from = req.Since.Start()
		}
		if !req.Until.IsZero() {
			to = req.Until.End()
		}
		fs = append(fs, dateRange(from, to))
	}
	return fs
}

func facets(fr blevesearch.FacetResults) Facets {
	values := func(name string) []FacetValue {
		r := fr[name]
		if r == nil || r.Terms == nil {
			return []FacetValue{}
		}
		out := []FacetValue{}
		for _, t := range r.Terms.Terms() {
			out = append(out, FacetValue{t.Term, t.Count})
		}
		slices.SortStableFunc(out, func(a, b FacetValue) int {
			return cmp.Or(b.Count-a.Count, cmp.Compare(a.Value, b.Value))
		})
		return out
	}
	f := Facets{Actor: values(fieldActor), Topic: values(fieldTopic), Product: values(fieldProduct),
		Date: values(fieldMonth), Source: values(fieldSource)}
	slices.SortFunc(f.Date, func(a, b FacetValue) int { return cmp.Compare(a.Value, b.Value) })
	if r := fr[fieldMonth]; r != nil {
		f.Undated = r.Missing
	}
	return f
}

func stringField(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		if len(v) > 0 {
			return stringField(v[0])
		}
	}
	return ""
}

func stringsField(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}

// publishedField rebuilds a publication date from its stored time and
// precision.
func publishedField(v any, precision string) dates.Date {
	s := stringField(v)
	if s == "" {
		return dates.Date{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return dates.Date{}
	}
	d := dates.Of(t.UTC())
	switch precision {
	case "year":
		d.Month, d.Day = 0, 0
	case "month":
		d.Day = 0
	}
	return d
}
