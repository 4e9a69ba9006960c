package analysis

import (
	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// token is a copy of a bleve token, so that a stream can be kept after its
// terms were reused.
type token = bleveanalysis.Token

func tokens(ts bleveanalysis.TokenStream) []token {
	out := make([]token, len(ts))
	for i, t := range ts {
		out[i] = *t
		out[i].Term = append([]byte(nil), t.Term...)
	}
	return out
}
