package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	blevesearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// A search runs in two passes over one snapshot of the index, instead of
// bleve's SearchInContext:
//
//  1. The query goes over every matching document: it counts them, counts
//     their facet values from tables kept in memory, and keeps the best
//     rescoreWindow (or the page, when the query has no run of words).
//  2. The postings of the query's terms are read again over those few,
//     for where the terms stand in them: for the snippets, and to rank
//     higher the documents where the words of a run of the query stand
//     together as typed.
//
// That bonus needs the positions of the words in every document it scores;
// as a phrase query beside the query, over all the matches of « ligne de
// commande » (1,671 documents of the benchmark corpus), it cost ten times
// the rest of the search. A document beyond the window cannot reach the
// first page through it: the trade Lucene's and Elasticsearch's rescoring
// make too.
//
// The terms of the query are known before it runs: prefixes and fuzzy words
// are expanded from the dictionary of the snapshot (see compiler.expansion).
//
// Facets are counted from per-segment tables of the facet values of each
// document (facetCache), built once per segment: bleve's facet builder
// decodes the document values of every matching document at each search,
// most of the time of a search with several facets.

// rescoreWindow is the number of best documents of the first pass that the
// second ranks again.
const rescoreWindow = 50

// facetFields are the fields counted as facets, in the order of
// facetCounts.
var facetFields = [...]string{fieldActor, fieldTopic, fieldProduct, fieldMonth, fieldSource}

const facetMonth = 3 // index of fieldMonth in facetFields

// scored is a document of the first pass: its number in the snapshot and
// its score.
type scored struct {
	doc   uint64
	score float64
}

// better orders documents best first: by score, then in index order.
func better(a, b scored) int {
	return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc))
}

// topK keeps the k best documents seen: a heap whose root is the worst
// of them.
type topK struct {
	k    int
	heap []scored
}

func (t *topK) offer(s scored) {
	if t.k <= 0 {
		return
	}
	h := t.heap
	if len(h) < t.k {
		h = append(h, s)
		for i := len(h) - 1; i > 0; { // up
			p := (i - 1) / 2
			if better(h[i], h[p]) <= 0 { // h[i] is not worse than its parent
				break
			}
			h[i], h[p] = h[p], h[i]
			i = p
		}
		t.heap = h
		return
	}
	if better(s, h[0]) >= 0 { // not better than the worst kept
		return
	}
	h[0] = s
	for i := 0; ; { // down
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && better(h[l], h[w]) > 0 {
			w = l
		}
		if r < len(h) && better(h[r], h[w]) > 0 {
			w = r
		}
		if w == i {
			break
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}

// sorted returns the documents kept, best first.
func (t *topK) sorted() []scored {
	out := slices.Clone(t.heap)
	slices.SortFunc(out, better)
	return out
}

// checkEvery is the number of matches between two looks at the context.
const checkEvery = 1024

// scratch holds the buffers of a search, which the next one reuses: a
// search then allocates little, and the garbage collector, whose work is
// most of the tail of the latencies, runs less often.
type scratch struct {
	title, body []match                 // the matches of the documents located
	counts      [len(facetFields)][]int // the facet counters
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// snapshot is one state of the index that a search reads from start to end.
type snapshot struct {
	scratch *scratch // nil: allocate
	r       index.IndexReader
	segs    []segment.Segment
	m       mapping.IndexMapping
	facets  []*segmentFacets // those of each segment, in order
	offsets []uint64         // the number of the first document of each segment
	dict    *facetDict
}

// collect runs q over the snapshot: it returns the number of matching
// documents, the counts of their facet values, and the best k of them.
//
// (Running a query with many candidates on both cores, each over half the
// documents, was tried: 1.3 times faster alone on « ligne de commande »,
// but no faster among other searches on this 2-core machine, where waking
// the other core costs about as much as a small search.)
func (s *snapshot) collect(ctx context.Context, q query.Query, k int) (uint64, *facetCounts, []scored, error) {
	if err := ctx.Err(); err != nil {
		return 0, nil, nil, err
	}
	searcher, err := q.Searcher(ctx, s.r, s.m, blevesearch.SearcherOptions{})
	if err != nil {
		return 0, nil, nil, err
	}
	defer searcher.Close()
	sctx := &blevesearch.SearchContext{
		DocumentMatchPool: blevesearch.NewDocumentMatchPool(searcher.DocumentMatchPoolSize()+1, 0),
		IndexReader:       s.r,
	}
	counts := s.dict.newCounts(s.scratch)
	top := topK{k: k}
	var total uint64
	seg := 0 // the segment of the last document: matches come in index order
	for {
		if total%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return 0, nil, nil, err
			}
		}
		dm, err := searcher.Next(sctx)
		if err != nil {
			return 0, nil, nil, err
		}
		if dm == nil {
			break
		}
		doc, err := docNumber(dm.IndexInternalID)
		if err != nil {
			return 0, nil, nil, err
		}
		top.offer(scored{doc, dm.Score})
		sctx.DocumentMatchPool.Put(dm)
		total++
		for seg+1 < len(s.offsets) && doc >= s.offsets[seg+1] {
			seg++
		}
		counts.add(s.facets[seg], int(doc-s.offsets[seg]))
	}
	return total, counts, top.sorted(), nil
}

// located is a document of the second pass, with where the terms of the
// query stand in its title and body.
type located struct {
	scored
	title, body []match
}

// toLocate returns the located documents to fill in, and their indexes in
// index order: the order in which searchers and postings advance.
func toLocate(docs []scored) ([]located, []int) {
	out := make([]located, len(docs))
	order := make([]int, len(docs))
	for i, d := range docs {
		out[i].scored = d
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(docs[a].doc, docs[b].doc) })
	return out, order
}

// locate reads where the terms stand in docs from the term vectors of the
// index: it reads the postings of each term over those documents, with no
// scoring and no allocation per location.
func (s *snapshot) locate(ctx context.Context, terms []fieldTerm, docs []scored) ([]located, error) {
	out, order := toLocate(docs)
	type reader struct {
		fieldTerm
		tfr index.TermFieldReader
		tfd *index.TermFieldDoc // where it is, reused
		at  uint64              // the document it is at, when tfd is not nil
	}
	readers := make([]reader, 0, len(terms))
	defer func() {
		for _, r := range readers {
			r.tfr.Close()
		}
	}()
	for _, ft := range terms {
		tfr, err := s.r.TermFieldReader(ctx, []byte(ft.term), ft.field, false, false, true)
		if err != nil {
			return nil, err
		}
		readers = append(readers, reader{fieldTerm: ft, tfr: tfr})
	}
	var title, body []match // the matches of all the documents, which slice them
	if s.scratch != nil {
		title, body = s.scratch.title[:0], s.scratch.body[:0]
		defer func() { s.scratch.title, s.scratch.body = title, body }()
	}
	id := make(index.IndexInternalID, 8)
	for _, i := range order {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := docs[i].doc
		binary.BigEndian.PutUint64(id, d)
		t0, b0 := len(title), len(body)
		for k := range readers {
			r := &readers[k]
			if r.tfd == nil || r.at < d {
				var err error
				if r.tfd, err = r.tfr.Advance(id, r.tfd); err != nil {
					return nil, err
				}
				if r.tfd == nil { // past its last document
					r.at = math.MaxUint64
					r.tfd = &index.TermFieldDoc{}
					continue
				}
				if r.at, err = docNumber(r.tfd.ID); err != nil {
					return nil, err
				}
			}
			if r.at != d {
				continue // the term is not in this document
			}
			for _, v := range r.tfd.Vectors {
				m := match{Span{int(v.Start), int(v.End)}, r.term, int(v.Pos)}
				if r.field == fieldTitle {
					title = append(title, m)
				} else {
					body = append(body, m)
				}
			}
		}
		out[i].title = title[t0:len(title):len(title)]
		out[i].body = body[b0:len(body):len(body)]
	}
	return out, nil
}

// visitStored calls visit with each stored field of the document doc.
// value is only valid during the call.
func (s *snapshot) visitStored(doc uint64, visit func(field string, typ byte, value []byte)) error {
	i := sort.Search(len(s.offsets), func(i int) bool { return s.offsets[i] > doc }) - 1
	if i < 0 {
		return fmt.Errorf("no document number %d", doc)
	}
	return s.segs[i].VisitStoredFields(doc-s.offsets[i], func(field string, typ byte, value []byte, _ []uint64) bool {
		visit(field, typ, value)
		return true
	})
}

func docNumber(id index.IndexInternalID) (uint64, error) {
	if len(id) != 8 {
		return 0, fmt.Errorf("internal document id %x: not a scorch index", []byte(id))
	}
	return binary.BigEndian.Uint64(id), nil
}

// facetDict numbers the values of each facet field; the facet tables of
// the segments hold these numbers. Numbers are never reused, so a search
// may read the values known when it started while another adds some.
type facetDict struct {
	mu     sync.Mutex
	ids    [len(facetFields)]map[string]uint32
	values [len(facetFields)][]string
}

func (d *facetDict) id(field int, value []byte) uint32 {
	if n, ok := d.ids[field][string(value)]; ok {
		return n
	}
	if d.ids[field] == nil {
		d.ids[field] = map[string]uint32{}
	}
	n := uint32(len(d.values[field]))
	d.ids[field][string(value)] = n
	d.values[field] = append(d.values[field], string(value))
	return n
}

// newCounts returns counters for the values numbered so far, in the
// buffers of sc when it is not nil.
func (d *facetDict) newCounts(sc *scratch) *facetCounts {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := &facetCounts{}
	for f := range facetFields {
		n := len(d.values[f])
		c.values[f] = d.values[f][:n:n]
		if sc != nil && cap(sc.counts[f]) >= n {
			c.counts[f] = sc.counts[f][:n]
			clear(c.counts[f])
		} else {
			c.counts[f] = make([]int, n)
			if sc != nil {
				sc.counts[f] = c.counts[f]
			}
		}
	}
	return c
}

// segmentFacets are the facet values of each document of a segment:
// vals[f][start[f][n]:start[f][n+1]] are those of field f of document n.
type segmentFacets struct {
	start [len(facetFields)][]uint32
	vals  [len(facetFields)][]uint32
}

// facetCache keeps the facet tables of the segments of an index.
type facetCache struct {
	mu       sync.Mutex
	dict     facetDict
	segments map[segment.Segment]*segmentFacets
}

// snapshot returns the snapshot that r reads, with the facet tables of its
// segments, building those it lacks and forgetting those of segments it
// no longer has (merged away).
func (c *facetCache) snapshot(r index.IndexReader, m mapping.IndexMapping) (*snapshot, error) {
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, errors.New("not a scorch index")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	segs := is.Segments()
	s := &snapshot{r: r, m: m, dict: &c.dict, facets: make([]*segmentFacets, len(segs)), offsets: make([]uint64, len(segs)),
		segs: make([]segment.Segment, len(segs))}
	var offset uint64
	live := make(map[segment.Segment]*segmentFacets, len(segs))
	for i, ss := range segs {
		seg := ss.Segment()
		f := c.segments[seg]
		if f == nil {
			var err error
			if f, err = c.build(seg); err != nil {
				return nil, err
			}
		}
		live[seg] = f
		s.facets[i], s.offsets[i], s.segs[i] = f, offset, seg
		offset += seg.Count()
	}
	c.segments = live
	return s, nil
}

// build reads the facet values of every document of seg from its
// document values.
func (c *facetCache) build(seg segment.Segment) (*segmentFacets, error) {
	f := &segmentFacets{}
	n := int(seg.Count())
	for i := range facetFields {
		f.start[i] = make([]uint32, 1, n+1)
	}
	dv, ok := seg.(segment.DocValueVisitable)
	if !ok { // no document values: no facets
		for i := range facetFields {
			f.start[i] = make([]uint32, n+1)
		}
		return f, nil
	}
	c.dict.mu.Lock()
	defer c.dict.mu.Unlock()
	fields := facetFields[:]
	var state segment.DocVisitState
	var err error
	for doc := range n {
		state, err = dv.VisitDocValues(uint64(doc), fields, func(field string, term []byte) {
			if i := facetIndex(field); i >= 0 {
				f.vals[i] = append(f.vals[i], c.dict.id(i, term))
			}
		}, state)
		if err != nil {
			return nil, fmt.Errorf("read facets: %w", err)
		}
		for i := range facetFields {
			f.start[i] = append(f.start[i], uint32(len(f.vals[i])))
		}
	}
	return f, nil
}

func facetIndex(field string) int {
	for i, f := range facetFields {
		if f == field {
			return i
		}
	}
	return -1
}

// facetCounts count the facet values of the matching documents.
type facetCounts struct {
	values  [len(facetFields)][]string
	counts  [len(facetFields)][]int
	undated int // documents without a month
}

func (c *facetCounts) add(f *segmentFacets, doc int) {
	for i := range facetFields {
		from, to := f.start[i][doc], f.start[i][doc+1]
		for _, v := range f.vals[i][from:to] {
			if int(v) < len(c.counts[i]) { // else numbered after this search began: not in this snapshot's tables
				c.counts[i][v]++
			}
		}
		if i == facetMonth && from == to {
			c.undated++
		}
	}
}

// top returns the n most frequent values of the facet field i, most
// frequent first, then in alphabetical order.
func (c *facetCounts) top(i, n int) []FacetValue {
	order := func(a, b FacetValue) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Value, b.Value)) }
	out := make([]FacetValue, 0, n+1) // the best n so far, in order
	for v, k := range c.counts[i] {
		if k == 0 || len(out) == n && order(FacetValue{c.values[i][v], k}, out[n-1]) >= 0 {
			continue
		}
		fv := FacetValue{c.values[i][v], k}
		j, _ := slices.BinarySearchFunc(out, fv, order)
		out = slices.Insert(out, j, fv)
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}

// facets returns the n most frequent values of each facet, the months in
// calendar order.
func (c *facetCounts) facets(n int) Facets {
	f := Facets{Actor: c.top(0, n), Topic: c.top(1, n), Product: c.top(2, n), Date: c.top(facetMonth, n), Source: c.top(4, n), Undated: c.undated}
	slices.SortFunc(f.Date, func(a, b FacetValue) int { return cmp.Compare(a.Value, b.Value) })
	return f
}
