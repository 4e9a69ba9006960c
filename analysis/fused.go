package analysis

import (
	"sync"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// fusedFilter is LowerFilter, ElisionFilter, StopFilter, ProtectFilter,
// StemFilter and FoldFilter in one pass. What they make of a token depends
// on its text, its type and whether it is a keyword, and nothing else, so
// the outcome is remembered by surface form: « l’API », « Microsoft » and
// « entraînés » are analysed once, and then every token of a text costs
// one lookup instead of six passes. A form seen for the first time goes
// through the filters themselves, which keeps the two ways equal (the
// tests compare them on real text).
type fusedFilter struct {
	chain []bleveanalysis.TokenFilter
	memo  *cache[outcome]
}

// outcome is what the filters make of a surface form.
type outcome struct {
	drop    bool   // a stop word
	shift   int    // bytes removed from the start (an elided article)
	keyword bool   // not stemmed
	term    []byte // the term
	variant []byte // a second term at the same place (the stem without accents), or nil
}

// memoSize is the number of surface forms a fused filter remembers: more
// than the distinct forms of 20 MB of French, about 25 MB when full.
const memoSize = 1 << 18

// sharedMemo is the memo of the analyzers of the default word lists.
var sharedMemo = sync.OnceValue(func() *cache[outcome] { return newCache[outcome](memoSize) })

func newFusedFilter(chain []bleveanalysis.TokenFilter, memo *cache[outcome]) *fusedFilter {
	return &fusedFilter{chain: chain, memo: memo}
}

// Filter implements bleve's analysis.TokenFilter.
func (f *fusedFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	out := input[:0] // in place, until a variant makes the stream longer
	inPlace := true
	var extra []bleveanalysis.Token // the variants
	var key [64]byte
	for _, tok := range input {
		k := memoKey(key[:0], tok)
		o, ok := f.memo.get(k)
		if !ok {
			o = f.analyze(tok)
			f.memo.put(k, o)
		}
		if o.drop {
			continue
		}
		tok.Term = o.term
		tok.Start += o.shift
		tok.KeyWord = o.keyword
		out = append(out, tok)
		if o.variant != nil {
			if inPlace { // from now on, out has its own array
				out = append(make(bleveanalysis.TokenStream, 0, len(input)+len(input)/4), out...)
				inPlace = false
			}
			if len(extra) == cap(extra) { // earlier variants keep the old array
				extra = make([]bleveanalysis.Token, 0, max(16, len(input)/8))
			}
			extra = append(extra, *tok)
			v := &extra[len(extra)-1]
			v.Term = o.variant
			out = append(out, v)
		}
	}
	return out
}

// memoKey is the token's text, with a byte for its type and keyword flag.
func memoKey(dst []byte, tok *bleveanalysis.Token) []byte {
	flags := byte(tok.Type) << 1
	if tok.KeyWord {
		flags |= 1
	}
	dst = append(dst, tok.Term...)
	return append(dst, flags)
}

// analyze runs the filters on one token and records what they make of it.
func (f *fusedFilter) analyze(tok *bleveanalysis.Token) outcome {
	t := *tok
	t.Term = append([]byte(nil), tok.Term...)
	ts := bleveanalysis.TokenStream{&t}
	for _, filter := range f.chain {
		ts = filter.Filter(ts)
	}
	if len(ts) == 0 {
		return outcome{drop: true}
	}
	o := outcome{shift: ts[0].Start - tok.Start, keyword: ts[0].KeyWord, term: append([]byte(nil), ts[0].Term...)}
	if len(ts) > 1 {
		o.variant = append([]byte(nil), ts[1].Term...)
	}
	return o
}
