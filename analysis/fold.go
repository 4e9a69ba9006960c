package analysis

import (
	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"

	"github.com/dossier-search/dossier-search/analysis/fold"
)

// FoldFilter removes accents and spells out ligatures: é è ê ë → e, à â → a,
// î ï → i, ô → o, ù û ü → u, ç → c, œ → oe, æ → ae, and likewise for the
// other Latin letters with diacritics (ñ → n, ø → o, ß → ss, ł → l, and the
// Latin Extended Additional block; see package fold), so that « proces »
// finds « procès », « entrainement » (1990 spelling) finds « entraînement »
// and « coeur » finds « cœur ».
//
// It comes after stemming because Snowball French reads accents to find
// vowels and suffixes: folded first, "aimée" would stem to aime and "aimer"
// to aim; stemmed first, both give aim. It is safe for concurrent use.
type FoldFilter struct{}

// NewFoldFilter returns the accent folding filter.
func NewFoldFilter() *FoldFilter { return &FoldFilter{} }

// Filter implements bleve's analysis.TokenFilter.
func (f *FoldFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	return rewrite(input, fold.Needs, fold.Append)
}

// Fold returns s with accents removed and ligatures spelt out, as FoldFilter
// does.
func Fold(s string) string { return fold.String(s) }
