package analysis

import (
	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// StopFilter removes stop words. The positions of the tokens that remain are
// unchanged, so a phrase keeps its gaps. It is safe for concurrent use.
type StopFilter struct {
	words map[string]struct{}
}

// NewStopFilter returns a filter that drops the given words, compared after
// lower-casing; nil means StopWords().
func NewStopFilter(words []string) *StopFilter {
	if words == nil {
		words = StopWords()
	}
	return &StopFilter{words: wordSet(words)}
}

// Stop reports whether term is a stop word.
func (f *StopFilter) Stop(term []byte) bool {
	_, ok := f.words[string(term)]
	return ok
}

// Filter implements bleve's analysis.TokenFilter.
func (f *StopFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		if tok.KeyWord || !f.Stop(tok.Term) {
			out = append(out, tok)
		}
	}
	return out
}

// wordSet returns the set of the lower-cased words.
func wordSet(words []string) map[string]struct{} {
	set := make(map[string]struct{}, len(words))
	for _, w := range words {
		set[lowerString(w)] = struct{}{}
	}
	return set
}

// lowerString lower-cases s as LowerFilter does.
func lowerString(s string) string {
	if !needsLower([]byte(s)) {
		return s
	}
	return string(appendLower(nil, []byte(s)))
}
