package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2/document"
	blevesearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

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

// Search runs req. A malformed query gives a *QueryError; damaged index
// files, an error that wraps ErrDamaged.
func (ix *Index) Search(ctx context.Context, req Request) (res *Results, err error) {
	defer ix.explain(&err)
	return ix.search(ctx, req)
}

func (ix *Index) search(ctx context.Context, req Request) (*Results, error) {
	start := time.Now()
	limit := cmp.Or(req.Limit, 10)
	if limit < 0 {
		limit = 0
	}
	offset := max(req.Offset, 0)
	nSnippets := cmp.Or(req.Snippets, 3)

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r, done, err := ix.read()
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	defer done()
	q, warnings, err := ix.query(ctx, req, r)
	if err != nil {
		return nil, err
	}
	snap, err := ix.facets.snapshot(r, ix.bleve.Mapping())
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	snap.scratch = scratchPool.Get().(*scratch)
	defer scratchPool.Put(snap.scratch) // once the hits are made: nothing of them points into it
	ctx = context.WithValue(ctx, blevesearch.GetScoringModelCallbackKey,
		blevesearch.GetScoringModelCallbackFn(func() string { return index.BM25Scoring }))

	// The first pass keeps the page and, when the query has runs of words,
	// enough documents beyond it for their proximity to reorder.
	keep := offset + limit
	if len(q.runs) > 0 && limit > 0 {
		keep = max(keep, rescoreWindow)
	}
	total, counts, best, err := snap.collect(ctx, q.main, keep)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	if len(q.runs) == 0 { // the scores are final: only the page is needed
		best = best[min(offset, len(best)):]
	}
	var page []located
	if len(q.runs) > 0 || nSnippets > 0 {
		if page, err = snap.locate(ctx, q.terms, best); err != nil {
			return nil, fmt.Errorf("search %q: %w", req.Query, err)
		}
	} else {
		for _, d := range best {
			page = append(page, located{scored: d})
		}
	}
	if len(q.runs) > 0 {
		for i := range page {
			if together(q.runs, page[i].title, page[i].body) {
				page[i].score *= togetherBoost
			}
		}
		slices.SortFunc(page, func(a, b located) int { return better(a.scored, b.scored) })
		page = page[min(offset, len(page)):]
	}
	page = page[:min(limit, len(page))]

	out := &Results{Query: req.Query, Total: total, Warnings: warnings, Facets: counts.facets(cmp.Or(req.FacetSize, defaultFacetLen))}
	for _, d := range page {
		h, err := snap.hit(d, nSnippets)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", req.Query, err)
		}
		out.Hits = append(out.Hits, h)
	}
	out.Took = time.Since(start)
	return out, nil
}

// hit makes the Hit of a document of the page, with its snippets.
func (s *snapshot) hit(d located, nSnippets int) (Hit, error) {
	h := Hit{Score: d.score, Actors: []string{}, Products: []string{}, Topics: []string{}}
	var body, precision string
	var published time.Time
	err := s.visitStored(d.doc, func(field string, typ byte, value []byte) {
		switch field {
		case "_id":
			h.ID = string(value)
		case fieldTitle:
			h.Title = string(value)
		case fieldBody:
			if nSnippets > 0 {
				body = string(value)
			}
		case fieldSource:
			h.Source = string(value)
		case fieldURL:
			h.URL = string(value)
		case fieldActor:
			h.Actors = append(h.Actors, string(value))
		case fieldProduct:
			h.Products = append(h.Products, string(value))
		case fieldTopic:
			h.Topics = append(h.Topics, string(value))
		case fieldOrigin:
			h.PublishedOrigin = origins[string(value)]
		case fieldPrecision:
			precision = string(value)
		case fieldPublished:
			if typ == 'd' {
				published, _, _ = document.NewDateTimeFieldFromBytes(field, nil, value).DateTime()
			}
		}
	})
	if err != nil {
		return Hit{}, err
	}
	if !published.IsZero() {
		h.Published = publishedDate(published, precision)
	}
	if nSnippets > 0 {
		for _, m := range mergeMatches(validMatches(h.Title, d.title)) {
			h.TitleMarks = append(h.TitleMarks, m.Span)
		}
		h.Snippets = snippets(body, d.body, nSnippets)
	}
	return h, nil
}

// compiled is a compiled query.
type compiled struct {
	main query.Query // matches and scores the documents
	runs []run       // its runs of several words
	// terms are those of title and body that a matching document may hold:
	// the words of the query, and the terms of the index that its prefixes
	// and fuzzy words stand for.
	terms []fieldTerm
}

// query returns the query of req, its query and its filters, and the
// warnings of its compilation; prefixes and fuzzy words stand for the
// terms of the snapshot r. A query that can match nothing (only stop words)
// gives a query that matches nothing.
func (ix *Index) query(ctx context.Context, req Request, r index.IndexReader) (compiled, []string, error) {
	tree, err := parse(req.Query)
	if err != nil {
		return compiled{}, nil, err
	}
	c := &compiler{analyzer: ix.analyzer, dict: dictionary(ctx, r), perWord: perWord(tree)}
	q := c.compile(tree)
	if c.err != nil {
		return compiled{}, nil, fmt.Errorf("search %q: %w", req.Query, c.err)
	}
	if q == nil {
		q = query.NewMatchNoneQuery()
	}
	if filters := req.filters(); len(filters) > 0 {
		q = query.NewConjunctionQuery(append([]query.Query{q}, filters...))
	}
	return compiled{main: q, runs: c.runs, terms: c.located}, slices.Compact(c.warnings), nil
}

// dictionary lists the terms of a field of r that start with form
// (fuzziness 0) or are within fuzziness edits of it, until ctx is done.
func dictionary(ctx context.Context, r index.IndexReader) func(field, form string, fuzziness int) ([]index.DictEntry, error) {
	return func(field, form string, fuzziness int) ([]index.DictEntry, error) {
		var d index.FieldDict
		var a index.FuzzyAutomaton
		var err error
		if fuzziness == 0 {
			d, err = r.FieldDictPrefix(field, []byte(form))
		} else if fr, ok := r.(index.IndexReaderFuzzy); ok {
			d, a, err = fr.FieldDictFuzzyAutomaton(field, form, fuzziness, "")
		} else {
			return nil, errors.New("fuzzy words: the index cannot list terms by edit distance")
		}
		if err != nil {
			return nil, err
		}
		defer d.Close()
		var out []index.DictEntry
		for {
			if len(out)%checkEvery == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			e, err := d.Next()
			if err != nil {
				return nil, err
			}
			if e == nil {
				return out, nil
			}
			if a != nil {
				_, e.EditDistance = a.MatchAndDistance(e.Term)
			}
			out = append(out, *e)
		}
	}
}

// togetherBoost multiplies the score of a document where the words of a
// run of the query stand together, in the order typed, in its title or
// its body: « ligne de commande » rather than « commande » in one sentence
// and « ligne » three paragraphs later.
const togetherBoost = 2

// together reports whether the words of one of the runs stand together in
// the title or the body, going by the matches of the terms of the query.
func together(runs []run, title, body []match) bool {
	has := func(ms []match, alts []string, pos int) bool {
		for _, m := range ms {
			if m.pos == pos && slices.Contains(alts, m.term) {
				return true
			}
		}
		return false
	}
	for _, r := range runs {
		for _, f := range [...]struct {
			name string
			ms   []match
		}{{fieldTitle, title}, {fieldBody, body}} {
			if r.field != "" && r.field != f.name {
				continue
			}
			for _, m := range f.ms {
				if !slices.Contains(r.positions[0], m.term) { // a run starts with a word
					continue
				}
				all := true
				for i, alts := range r.positions[1:] {
					if len(alts) > 0 && !has(f.ms, alts, m.pos+i+1) {
						all = false
						break
					}
				}
				if all {
					return true
				}
			}
		}
	}
	return false
}

func internalID(doc uint64) index.IndexInternalID {
	id := make(index.IndexInternalID, 8)
	binary.BigEndian.PutUint64(id, doc)
	return id
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

// publishedDate rebuilds a publication date from its stored time and
// precision.
func publishedDate(t time.Time, precision string) dates.Date {
	d := dates.Of(t.UTC())
	switch precision {
	case "year":
		d.Month, d.Day = 0, 0
	case "month":
		d.Day = 0
	}
	return d
}

// publishedField rebuilds a publication date from the stored time that
// bleve gives, in RFC 3339, and precision.
func publishedField(v any, precision string) dates.Date {
	s := stringField(v)
	if s == "" {
		return dates.Date{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return dates.Date{}
	}
	return publishedDate(t, precision)
}
