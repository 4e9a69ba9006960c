package search

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"
	"unicode/utf8"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/dossier-search/dossier-search/analysis"
)

// compiler turns a query tree into a bleve query. Words go through the
// index's own analyzer, so that a query term is exactly what the index holds
// for the same word in a document; it also gathers the warnings for the
// user.
type compiler struct {
	analyzer bleveanalysis.Analyzer
	runs     []run // the runs of several words, which rank higher where they stand together
	// located are the terms of title and body that a matching document may
	// hold, for the snippets.
	located []fieldTerm
	negated int // > 0 while compiling what must not match
	// dict lists the terms of the index that a prefix or a fuzzy word
	// stands for; each may search perWord of them in a field (see
	// maxExpansions).
	dict     func(field, form string, fuzziness int) ([]index.DictEntry, error)
	perWord  int
	err      error // of dict
	warnings []string
}

// fieldTerm is a term of a field.
type fieldTerm struct{ field, term string }

// run is a run of words of the query, as its positions (see positions),
// and the field it applies to ("" for title and body).
type run struct {
	positions [][]string
	field     string
}

// normalizer lower-cases, elides and folds without stemming: the form of a
// word before * or ~, which must not be cut to a stem the user did not type.
var normalizer = &bleveanalysis.DefaultAnalyzer{
	Tokenizer: analysis.NewTokenizer(),
	TokenFilters: []bleveanalysis.TokenFilter{
		analysis.NewLowerFilter(), analysis.NewElisionFilter(nil), analysis.NewFoldFilter(),
	},
}

// compile returns the bleve query for n; nil when n holds no term that can
// match (only stop words).
func (c *compiler) compile(n node) query.Query {
	switch n := n.(type) {
	case *allNode:
		return query.NewMatchAllQuery()
	case *andNode:
		var must, mustNot []query.Query
		for _, k := range n.kids {
			if not, ok := k.(*notNode); ok {
				c.negated++
				q := c.compile(not.kid)
				c.negated--
				if q != nil {
					mustNot = append(mustNot, q)
				}
				continue
			}
			if q := c.compile(k); q != nil {
				must = append(must, q)
			}
		}
		return boolean(must, mustNot)
	case *orNode:
		var any []query.Query
		for _, k := range n.kids {
			if q := c.compile(k); q != nil {
				any = append(any, q)
			}
		}
		switch len(any) {
		case 0:
			return nil
		case 1:
			return any[0]
		}
		return query.NewDisjunctionQuery(any)
	case *notNode:
		c.negated++
		q := c.compile(n.kid)
		c.negated--
		if q == nil {
			return nil
		}
		return boolean(nil, []query.Query{q})
	case *textNode:
		positions := c.positions(n.text)
		if len(positions) == 0 {
			return nil
		}
		var clauses []query.Query
		for _, alts := range positions {
			if len(alts) > 0 { // a stop word in the run
				clauses = append(clauses, c.terms(alts, n.field))
			}
		}
		if len(clauses) == 1 {
			return clauses[0]
		}
		// Every word must match; documents where they stand together, as
		// typed, rank higher (see together).
		c.runs = append(c.runs, run{positions, n.field})
		return query.NewConjunctionQuery(clauses)
	case *phraseNode:
		positions := c.positions(n.text)
		switch len(positions) {
		case 0:
			return nil
		case 1:
			return c.terms(positions[0], n.field)
		}
		for _, alts := range positions {
			c.record(alts, n.field)
		}
		return c.perField(n.field, func(field string) query.Query {
			return query.NewMultiPhraseQuery(positions, field)
		})
	case *prefixNode:
		return c.expansion(n.word, n.col, n.field, 0, n.word+"*")
	case *fuzzyNode:
		shown := fmt.Sprintf("%s~%d", n.word, n.fuzziness)
		if utf8.RuneCountInString(n.word) > maxFuzzyRunes {
			c.warnings = append(c.warnings, fmt.Sprintf("%s: a word of over %d letters is searched as typed, without typos", shown, maxFuzzyRunes))
			return c.compile(&textNode{col: n.col, text: n.word, field: n.field})
		}
		return c.expansion(n.word, n.col, n.field, n.fuzziness, shown)
	case *keywordNode:
		q := query.NewTermQuery(key(n.value))
		q.SetField(keyField(n.field))
		return q
	case *dateNode:
		return dateRange(n.from, n.to)
	}
	panic(fmt.Sprintf("search: unknown query node %T", n))
}

// boolean returns a query that needs all of must and none of mustNot; with
// no must, it starts from every document.
func boolean(must, mustNot []query.Query) query.Query {
	if len(must) == 0 && len(mustNot) == 0 {
		return nil
	}
	if len(mustNot) == 0 {
		if len(must) == 1 {
			return must[0]
		}
		return query.NewConjunctionQuery(must)
	}
	if len(must) == 0 {
		must = []query.Query{query.NewMatchAllQuery()}
	}
	b := query.NewBooleanQuery(must, nil, mustNot)
	return b
}

// positions analyses text as the index analyses documents and returns, for
// each position, the terms any of which may stand there (a stem and the stem
// of the word without its accents); positions with no term (stop words
// inside a phrase) are empty.
func (c *compiler) positions(text string) [][]string {
	tokens := analysis.Collapse(c.analyzer.Analyze([]byte(text)))
	if len(tokens) == 0 {
		c.warnings = append(c.warnings, fmt.Sprintf("%q has only stop words: it was left out", text))
		return nil
	}
	first := tokens[0].Position
	out := make([][]string, tokens[len(tokens)-1].Position-first+1)
	for _, t := range tokens {
		p := t.Position - first
		term := string(t.Term)
		if !slices.Contains(out[p], term) {
			out[p] = append(out[p], term)
		}
	}
	return out
}

// forms returns the searchable forms of a word before * or ~: the word
// lower-cased, elided and folded, and its analysed stems when they differ,
// so that entraînement* also finds the entrain- of entraînés.
func (c *compiler) forms(word string, col int) []string {
	var forms []string
	for _, t := range analysis.Collapse(normalizer.Analyze([]byte(word))) {
		if !slices.Contains(forms, string(t.Term)) {
			forms = append(forms, string(t.Term))
		}
	}
	for _, t := range analysis.Collapse(c.analyzer.Analyze([]byte(word))) {
		if !slices.Contains(forms, string(t.Term)) {
			forms = append(forms, string(t.Term))
		}
	}
	if len(forms) == 0 {
		c.warnings = append(c.warnings, fmt.Sprintf("column %d: %q has no word to search", col, word))
	}
	return forms
}

// terms returns a query for one position: any of the terms, in the field or
// in title and body.
func (c *compiler) terms(alts []string, field string) query.Query {
	c.record(alts, field)
	return c.each(alts, field, func(term, field string) query.Query {
		q := query.NewTermQuery(term)
		q.SetField(field)
		return q
	})
}

// Limits on the terms of the index that prefixes and fuzzy words stand for:
// « a* » stands for 2,400 words of the 20 MB corpus, and a query of them
// all would read most of the index. The most frequent are searched: 256 a
// field for a word, and 1,024 in all, shared by the prefixes and fuzzy
// words of the query.
const (
	maxExpansion  = 256
	maxExpansions = 1024
	// maxFuzzyRunes bounds the words searched with typos: the automaton that
	// finds the terms within two edits of a word of 100 letters takes 30 ms
	// to build, and no French word needs it.
	maxFuzzyRunes = 30
)

// expansion returns the disjunction of the terms of the index that a
// prefix (fuzziness 0) or a fuzzy word stands for, in its field or in title
// and body: at most maxExpansion of each field, the most frequent, and a
// warning when some were left out. A word that stands for no term matches
// nothing. A fuzzy term weighs 1/(1+d) where d is its edit distance, as in
// bleve's fuzzy query.
func (c *compiler) expansion(word string, col int, field string, fuzziness int, shown string) query.Query {
	forms := c.forms(word, col)
	if len(forms) == 0 {
		return nil
	}
	fields := []string{fieldTitle, fieldBody}
	if field != "" {
		fields = []string{field}
	}
	var any []query.Query // one disjunction a field
	found, kept := 0, 0
	for _, f := range fields {
		terms := map[string]index.DictEntry{}
		for _, form := range forms {
			entries, err := c.dict(f, form, fuzziness)
			if err != nil {
				c.err = err
				return nil
			}
			for _, e := range entries {
				if old, ok := terms[e.Term]; !ok || e.EditDistance < old.EditDistance {
					terms[e.Term] = e
				}
			}
		}
		list := slices.SortedFunc(maps.Values(terms), func(a, b index.DictEntry) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Term, b.Term))
		})
		n := min(len(list), c.perWord)
		found, kept = max(found, len(list)), max(kept, n)
		if n == 0 {
			continue
		}
		var qs []query.Query
		for _, e := range list[:n] {
			q := query.NewTermQuery(e.Term)
			q.SetField(f)
			q.SetBoost(1 / float64(1+e.EditDistance))
			qs = append(qs, q)
			c.record([]string{e.Term}, f)
		}
		fq := query.NewDisjunctionQuery(qs)
		if f == fieldTitle && field == "" {
			fq.SetBoost(titleBoost)
		}
		any = append(any, fq)
	}
	if kept < found {
		c.warnings = append(c.warnings, fmt.Sprintf("%s stands for %d words: the %d most frequent were searched", shown, found, kept))
	}
	switch len(any) {
	case 0:
		return query.NewMatchNoneQuery()
	case 1:
		return any[0]
	}
	return query.NewDisjunctionQuery(any)
}

// perWord returns how many terms of a field each prefix or fuzzy word of
// the tree may stand for: maxExpansions shared among them, at least one.
func perWord(tree node) int {
	words := 0
	var walk func(n node)
	walk = func(n node) {
		switch n := n.(type) {
		case *andNode:
			for _, k := range n.kids {
				walk(k)
			}
		case *orNode:
			for _, k := range n.kids {
				walk(k)
			}
		case *notNode:
			walk(n.kid)
		case *prefixNode, *fuzzyNode:
			words++
		}
	}
	walk(tree)
	return max(1, min(maxExpansion, maxExpansions/max(1, 2*words)))
}

// record notes the terms a matching document may hold in field, or in
// title and body.
func (c *compiler) record(terms []string, field string) {
	if c.negated > 0 {
		return
	}
	fields := []string{fieldTitle, fieldBody}
	if field != "" {
		fields = []string{field}
	}
	for _, f := range fields {
		for _, t := range terms {
			if ft := (fieldTerm{f, t}); !slices.Contains(c.located, ft) {
				c.located = append(c.located, ft)
			}
		}
	}
}

// each returns the disjunction of make(form, field) over the forms and the
// fields that field stands for; nil without forms.
func (c *compiler) each(forms []string, field string, build func(form, field string) query.Query) query.Query {
	if len(forms) == 0 {
		return nil
	}
	var any []query.Query
	for _, f := range forms {
		any = append(any, c.perField(field, func(field string) query.Query { return build(f, field) }))
	}
	if len(any) == 1 {
		return any[0]
	}
	return query.NewDisjunctionQuery(any)
}

// perField applies build to the title and the body, the title weighing
// more, or only to the field named.
func (c *compiler) perField(field string, build func(field string) query.Query) query.Query {
	if field != "" {
		return build(field)
	}
	title := build(fieldTitle)
	title.(query.BoostableQuery).SetBoost(titleBoost)
	return query.NewDisjunctionQuery([]query.Query{title, build(fieldBody)})
}

// keyField returns the field that filters on a facet field.
func keyField(field string) string {
	switch field {
	case fieldActor:
		return fieldActorKey
	case fieldTopic:
		return fieldTopicKey
	case fieldProduct:
		return fieldProductKey
	}
	return fieldSourceKey
}

// dateRange returns the documents published in [from, to); a zero bound is
// open.
func dateRange(from, to time.Time) query.Query {
	inclusive, exclusive := true, false
	q := query.NewDateRangeInclusiveQuery(from, to, &inclusive, &exclusive)
	q.SetField(fieldPublished)
	return q
}
