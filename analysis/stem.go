package analysis

import (
	"strings"
	"sync"
	"unicode/utf8"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// DefaultStemCacheSize is the number of words a StemFilter remembers when
// its size is not given: more than the distinct words of 20 MB of French,
// about 12 MB when full.
const DefaultStemCacheSize = 1 << 17

// StemFilter replaces each word by its Snowball French stem (see Stem).
// Keywords — protected words, @mentions, #hashtags, URLs — and terms with a
// digit or of another type than AlphaNumeric are left as they are.
//
// Snowball keeps a final s after a, i, o and u and the x of plurals in -eux
// and -oux, so that « revenus », « vidéos », « euros », « amis »,
// « individus », « enjeux », « lieux » and « jeux » do not meet their
// singulars. The filter removes that s or x from stems of four letters or
// more, except from « fois » (which would meet « foi ») and « paris » (Paris,
// not a plural of pari). As a function of the stem, it only joins words that
// Snowball kept apart, never splits what Snowball joined.
//
// Readers often type French without accents, and Snowball reads accents:
// « activité » stems to activ but « activite » to activit, « procès » to
// procès but « proces » to proc. So when a word has accents and its spelling
// without them stems differently, the filter also emits that stem, as a
// second token with the same position and offsets: the index then answers
// « activite » and « proces » as it answers « activité » and « procès ». A
// query that carries both tokens should take either.
//
// Stems are remembered in a bounded cache shared by all goroutines — and,
// at the default size, by all the filters of the process, since a stem
// depends on nothing but its word. The filter is safe for concurrent use.
// Terms it returns may share their bytes with other tokens: later filters
// must not modify a term in place.
type StemFilter struct {
	cache *cache[stems]
}

// sharedCache is the cache of the filters of the default size, made at the
// first use.
var sharedCache = sync.OnceValue(func() *cache[stems] { return newCache[stems](DefaultStemCacheSize) })

// stems are the analysis of one word: its stem, and the stem of its
// spelling without accents when that is another term (nil otherwise).
type stems struct {
	stem, unaccented []byte
}

// NewStemFilter returns a stemming filter whose cache holds about
// cacheSize words; 0 means DefaultStemCacheSize, in the cache that all such
// filters share.
func NewStemFilter(cacheSize int) *StemFilter {
	if cacheSize <= 0 {
		return &StemFilter{cache: sharedCache()}
	}
	return &StemFilter{cache: newCache[stems](cacheSize)}
}

// Filter implements bleve's analysis.TokenFilter.
func (f *StemFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	var (
		out  bleveanalysis.TokenStream // made at the first extra token
		slab []bleveanalysis.Token     // the extra tokens
	)
	for i, tok := range input {
		var extra *bleveanalysis.Token
		if !tok.KeyWord && tok.Type == bleveanalysis.AlphaNumeric && !hasDigit(tok.Term) {
			s := f.stems(tok.Term)
			tok.Term = s.stem
			if s.unaccented != nil {
				if out == nil {
					out = make(bleveanalysis.TokenStream, i, len(input)+len(input)/4)
					copy(out, input[:i])
					slab = make([]bleveanalysis.Token, 0, len(input)/4+1)
				}
				if len(slab) == cap(slab) { // earlier tokens keep the old array
					slab = make([]bleveanalysis.Token, 0, cap(slab))
				}
				slab = append(slab, *tok)
				extra = &slab[len(slab)-1]
				extra.Term = s.unaccented
			}
		}
		if out != nil {
			out = append(out, tok)
			if extra != nil {
				out = append(out, extra)
			}
		}
	}
	if out == nil {
		return input
	}
	return out
}

func (f *StemFilter) stems(word []byte) stems {
	if s, ok := f.cache.get(word); ok {
		return s
	}
	w := string(word)
	stem := depluralize(Stem(w))
	s := stems{stem: []byte(stem)}
	if folded := Fold(w); folded != w {
		if u := depluralize(Stem(folded)); u != Fold(stem) {
			s.unaccented = []byte(u)
		}
	}
	f.cache.put(word, s)
	return s
}

// depluralize removes the plural s or x that Snowball keeps after a vowel
// (see StemFilter).
func depluralize(stem string) string {
	n := len(stem)
	if n < 4 || utf8.RuneCountInString(stem) < 4 {
		return stem
	}
	switch {
	case stem == "fois" || stem == "paris":
		return stem
	case stem[n-1] == 's' && strings.IndexByte("aiou", stem[n-2]) >= 0,
		strings.HasSuffix(stem, "eux") || strings.HasSuffix(stem, "oux") || strings.HasSuffix(stem, "œux"):
		return stem[:n-1]
	}
	return stem
}

func hasDigit(b []byte) bool {
	for _, c := range b {
		if '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}
