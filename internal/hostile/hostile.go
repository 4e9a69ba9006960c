// Package hostile holds the queries that the tests throw at an index to
// check that whatever a reader pastes into the search box is answered
// quickly, with results or with a clear error, and never crashes: too many
// terms, nesting too deep, prefixes of one letter, fuzzy long words, huge
// phrases, control characters. The search and corpus tests share it.
package hostile

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dossier-search/dossier-search/search"
)

// Query is a hostile query and what it must give.
type Query struct {
	Name string
	Text string
	// Err is part of the error the query must give; "" means it must be
	// answered.
	Err string
	// Warning is part of a warning the answer must carry, if not "".
	Warning string
}

// Queries returns the hostile queries.
func Queries() []Query {
	long := strings.Repeat("anticonstitutionnellement", 4) // 100 letters
	return []Query{
		{Name: "10,000 words", Text: strings.Repeat("mot ", 10000), Err: "too many terms"},
		{Name: "10,000 words joined by OR", Text: strings.Repeat("m OR ", 9999) + "m", Err: "too many terms"},
		{Name: "5,000 field values", Text: strings.Repeat("actor:x ", 5000), Err: "too many terms"},
		{Name: "parentheses nested 10,000 deep", Text: strings.Repeat("(", 10000) + "procès" + strings.Repeat(")", 10000), Err: "nested too deep"},
		{Name: "10,000 opening parentheses", Text: strings.Repeat("(", 10000), Err: "nested too deep"},
		{Name: "10,000 closing parentheses", Text: strings.Repeat(")", 10000), Err: "unbalanced parenthesis"},
		{Name: "10,000 NOTs", Text: strings.Repeat("NOT ", 10000) + "procès", Err: "nested too deep"},
		{Name: "10,000 minus signs", Text: strings.Repeat("-", 10000) + "procès"},
		{Name: "10,000 quotation marks", Text: strings.Repeat(`"`, 10000), Err: "too many terms"},
		{Name: "a phrase of 5,000 words", Text: `"` + strings.Repeat("le procès ", 2500) + `"`, Err: "too many terms"},
		{Name: "a phrase of 900 words", Text: `"` + strings.Repeat("le procès ", 450) + `"`},
		{Name: "a query of 1 MB", Text: strings.Repeat("x", 1<<20), Err: "query of"},
		{Name: "a one-letter prefix", Text: "a*"},
		{Name: "five one-letter prefixes", Text: "a* e* i* o* u*"},
		{Name: "a prefix with nothing before it", Text: "*"},
		{Name: "fuzzy ~2 on a 100-letter word", Text: long + "~2", Warning: "without typos"},
		{Name: "fuzzy ~2 on twenty 100-letter words", Text: strings.Repeat(long+"~2 ", 20), Warning: "without typos"},
		{Name: "fuzzy ~2 on twenty 30-letter words", Text: strings.Repeat(long[:30]+"~2 ", 20)},
		{Name: "fuzzy ~2 on a one-letter word", Text: "a~2"},
		{Name: "fuzzy ~3", Text: "procès~3", Err: "fuzz"},
		{Name: "control characters", Text: "\x00\x01\x02\x1b[31mMicrosoft\x7f\u200b\ufeff\u202e"},
		{Name: "invalid UTF-8", Text: "\xff\xfe Microsoft \xc3"},
		{Name: "emoji and other scripts", Text: "🙂 مرحبا 𝔸𝕡𝕚 漢字"},
		{Name: "a field in a field", Text: "title:title:procès", Err: "field"},
		{Name: "a year out of range", Text: "date:0001..9999", Err: "date"},
		{Name: "operators only", Text: "OR AND NOT", Err: "needs a term"},
		{Name: "stop words only", Text: "le la les de", Warning: "stop words"},
	}
}

// Check runs q on ix and checks what it gives, and that it takes less than
// limit.
func Check(t *testing.T, ix *search.Index, q Query, limit time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*limit)
	defer cancel()
	start := time.Now()
	res, err := ix.Search(ctx, search.Request{Query: q.Text})
	took := time.Since(start)
	if took > limit {
		t.Errorf("took %v", took)
	}
	switch {
	case q.Err != "":
		var qe *search.QueryError
		if !errors.As(err, &qe) || !strings.Contains(err.Error(), q.Err) {
			t.Errorf("error %v, want a query error about %q", err, q.Err)
		} else if len(err.Error()) > 200 || strings.Contains(err.Error(), "\n") {
			t.Errorf("error not one short line: %q", err)
		}
	case err != nil:
		t.Errorf("error %v", err)
	case q.Warning != "" && !strings.Contains(strings.Join(res.Warnings, "\n"), q.Warning):
		t.Errorf("warnings %q, want one about %q", res.Warnings, q.Warning)
	}
	if err == nil {
		t.Logf("%d hits in %v, warnings %.200q", res.Total, took, res.Warnings)
	}
}
