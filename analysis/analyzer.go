package analysis

import (
	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// Options configure the French analyzer. The zero value gives the default
// analyzer, the one registered as AnalyzerName.
type Options struct {
	// StopWords replaces the default stop words, StopWords(), when not nil.
	// An empty, non-nil slice removes no word.
	StopWords []string
	// Protected replaces the default protected words, ProtectedWords(), when
	// not nil. An empty, non-nil slice protects no word.
	Protected []string
	// StemCacheSize is the number of stems the analyzer remembers; 0 means
	// DefaultStemCacheSize, in a cache shared by all the analyzers of the
	// process.
	StemCacheSize int
}

// Analyzer is the French analyzer. It is safe for concurrent use.
type Analyzer struct {
	bleveanalysis.DefaultAnalyzer
	standard bool // the default word lists
}

// Standard reports whether a has the default stop and protected words, as
// New(Options{}) has: all such analyzers make the same tokens of a text,
// whatever the size of their caches.
func (a *Analyzer) Standard() bool { return a.standard }

// New returns the French analyzer: Tokenizer, then LowerFilter,
// ElisionFilter, StopFilter, ProtectFilter, StemFilter and FoldFilter —
// applied in one pass that remembers what they make of each form of a word
// (see fusedFilter).
func New(opts Options) *Analyzer {
	chain := []bleveanalysis.TokenFilter{
		NewLowerFilter(),
		NewElisionFilter(nil),
		NewStopFilter(opts.StopWords),
		NewProtectFilter(opts.Protected),
		NewStemFilter(opts.StemCacheSize),
		NewFoldFilter(),
	}
	memo := sharedMemo
	if opts.StopWords != nil || opts.Protected != nil {
		memo = func() *cache[outcome] { return newCache[outcome](memoSize) }
	}
	return &Analyzer{
		DefaultAnalyzer: bleveanalysis.DefaultAnalyzer{
			Tokenizer:    NewTokenizer(),
			TokenFilters: []bleveanalysis.TokenFilter{newFusedFilter(chain, memo())},
		},
		standard: opts.StopWords == nil && opts.Protected == nil,
	}
}

// chained returns the analyzer New builds, without the memo: the filters
// one after the other, as the tests compare it.
func chained(opts Options) *bleveanalysis.DefaultAnalyzer {
	a := New(opts)
	return &bleveanalysis.DefaultAnalyzer{Tokenizer: a.Tokenizer, TokenFilters: a.TokenFilters[0].(*fusedFilter).chain}
}

// Config returns the configuration under which a bleve index mapping stores
// an analyzer built with these options, so that bleve.Open rebuilds the same
// analyzer:
//
//	m.AddCustomAnalyzer("fr_newsroom", opts.Config())
func (o Options) Config() map[string]any {
	c := map[string]any{"type": AnalyzerName}
	if o.StopWords != nil {
		c["stop_words"] = o.StopWords
	}
	if o.Protected != nil {
		c["protected_words"] = o.Protected
	}
	if o.StemCacheSize != 0 {
		c["stem_cache_size"] = o.StemCacheSize
	}
	return c
}

// Collapse keeps, among the tokens of a stream that overlap, those that span
// the most text — the catenation of a compound, the whole of a @mention or a
// URL — and drops their parts. The index holds both; a query wants the
// whole: « e-mail » then finds the "email" that the index has for both
// « e-mail » and « email », and « @elonmusk » finds the mention, not every
// "elonmusk". Tokens with the same offsets (a stem and the stem of the same
// word without accents) are all kept: they are alternatives. Tokens must
// come in the order the analyzer emits them.
func Collapse(ts bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	out := ts[:0]
	var kept *bleveanalysis.Token // the last token kept
	for _, tok := range ts {
		if kept != nil && tok.Start < kept.End {
			switch {
			case tok.Start == kept.Start && tok.End == kept.End:
			case tok.End-tok.Start <= kept.End-kept.Start:
				continue
			default: // wider than what was kept: replace it and its alternatives
				for len(out) > 0 && out[len(out)-1].Start == kept.Start && out[len(out)-1].End == kept.End {
					out = out[:len(out)-1]
				}
			}
		}
		out = append(out, tok)
		kept = tok
	}
	return out
}
