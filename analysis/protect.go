package analysis

import (
	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// ProtectFilter marks protected words as keywords, which StemFilter leaves
// unstemmed. A term that is a protected word followed by s becomes that word
// ("apis" → "api"): English plurals of acronyms and brands are common in
// French tech writing, and Snowball would not join them. It is safe for
// concurrent use.
type ProtectFilter struct {
	words map[string]struct{}
}

// NewProtectFilter returns a filter that protects the given words, compared
// after lower-casing; nil means ProtectedWords().
func NewProtectFilter(words []string) *ProtectFilter {
	if words == nil {
		words = ProtectedWords()
	}
	return &ProtectFilter{words: wordSet(words)}
}

// Filter implements bleve's analysis.TokenFilter.
func (f *ProtectFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	for _, tok := range input {
		if tok.KeyWord {
			continue
		}
		if _, ok := f.words[string(tok.Term)]; ok {
			tok.KeyWord = true
			continue
		}
		if n := len(tok.Term); n > 1 && tok.Term[n-1] == 's' {
			if _, ok := f.words[string(tok.Term[:n-1])]; ok {
				tok.Term = tok.Term[:n-1]
				tok.KeyWord = true
			}
		}
	}
	return input
}
