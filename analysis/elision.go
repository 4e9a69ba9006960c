package analysis

import (
	"unicode/utf8"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// Articles are the elided words that ElisionFilter removes from the front of
// a term: l' d' j' m' n' s' t' c' qu' and the conjunctions jusqu' lorsqu'
// puisqu' quoiqu'. They are compared after lower-casing.
var Articles = []string{"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}

// ElisionFilter removes an elided article and its apostrophe from the front
// of a term: "l’API" gives "api", "jusqu’à" gives "à". The apostrophe may be
// the typewriter ' (U+0027), the typographic ’ (U+2019), the modifier letter
// ʼ (U+02BC) or the ‘ (U+2018) that some editors put instead. The token's
// start moves past the apostrophe, so that a highlight of « l’API » marks
// « API » only. Apostrophes left inside a term are written ' so that
// « aujourd’hui » and « aujourd'hui » are one term.
//
// It expects lower-cased terms and is safe for concurrent use.
type ElisionFilter struct {
	articles map[string]bool
}

// NewElisionFilter returns an elision filter for the given articles; nil
// means Articles.
func NewElisionFilter(articles []string) *ElisionFilter {
	if articles == nil {
		articles = Articles
	}
	f := &ElisionFilter{articles: make(map[string]bool, len(articles))}
	for _, a := range articles {
		f.articles[a] = true
	}
	return f
}

// Filter implements bleve's analysis.TokenFilter.
func (f *ElisionFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	var a arena
	for _, tok := range input {
		i, n := apostrophe(tok.Term)
		if i < 0 {
			continue
		}
		if f.articles[string(tok.Term[:i])] && i+n < len(tok.Term) {
			tok.Term = tok.Term[i+n:]
			tok.Start += i + n
		}
		if hasApostrophe(tok.Term) {
			tok.Term = a.add(appendASCIIApostrophes, tok.Term)
		}
	}
	return input
}

// apostrophe returns the byte offset and width of the first apostrophe in b,
// or -1.
func apostrophe(b []byte) (int, int) {
	for i := 0; i < len(b); {
		if b[i] == '\'' {
			return i, 1
		}
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if isApostrophe(r) {
			return i, n
		}
		i += n
	}
	return -1, 0
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02bc' || r == '\u2018'
}

// hasApostrophe reports whether b holds a non-ASCII apostrophe.
func hasApostrophe(b []byte) bool {
	i, n := apostrophe(b)
	for i >= 0 && n == 1 {
		b = b[i+1:]
		i, n = apostrophe(b)
	}
	return i >= 0
}

func appendASCIIApostrophes(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if isApostrophe(r) {
			dst = append(dst, '\'')
		} else {
			dst = append(dst, b[i:i+n]...)
		}
		i += n
	}
	return dst
}
