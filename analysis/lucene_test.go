package analysis

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// luceneCases is ../testdata/lucene-fr/cases.json: Apache Lucene's French
// analysis tests, transcribed with the Snowball stems of their tokens.
type luceneCases struct {
	AnalyzerCases []struct {
		Test       string   `json:"test"`
		Pipeline   string   `json:"pipeline"`
		Input      string   `json:"input"`
		Expected   []string `json:"expected"`
		Prestem    []string `json:"prestem"`
		Snowball   []string `json:"snowball_2_2_0_stems"`
		Applicable string   `json:"snowball_applicable"`
		Checks     string   `json:"checks"`
	} `json:"analyzer_cases"`
	ConflationGroups []struct {
		Words     []string `json:"words"`
		Conflates bool     `json:"snowball_conflates"`
	} `json:"light_conflation_groups"`
}

func readLuceneCases(t *testing.T) luceneCases {
	t.Helper()
	data, err := os.ReadFile("../testdata/lucene-fr/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var c luceneCases
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func termList(ts bleveanalysis.TokenStream) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}

// parts drops the tokens that span others — the catenation of a compound,
// which Lucene's tokenizer does not make — keeping what Lucene compares.
func parts(ts bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	var out bleveanalysis.TokenStream
	for _, t := range ts {
		whole := false
		for _, u := range ts {
			if u != t && t.Start <= u.Start && u.End <= t.End && u.End-u.Start < t.End-t.Start {
				whole = true
			}
		}
		if !whole {
			out = append(out, t)
		}
	}
	return out
}

// TestLucene runs the Lucene French analyzer cases that apply to a
// Snowball analyzer. Where Lucene's expectations come from its light
// stemmer, the tokens before stemming are compared (tokenizing,
// lower-casing, stop words, elision, token count); where they are
// unchanged by its stemmer, the whole analysis is compared with the
// Snowball stems, folded as our analyzer folds them.
func TestLucene(t *testing.T) {
	cases := readLuceneCases(t)
	prestem := func(in string) []string {
		ts := NewTokenizer().Tokenize([]byte(in))
		for _, f := range []bleveanalysis.TokenFilter{NewLowerFilter(), NewElisionFilter(nil), NewStopFilter(nil)} {
			ts = f.Filter(ts)
		}
		return termList(parts(ts))
	}
	ran := 0
	for i, c := range cases.AnalyzerCases {
		t.Run(fmt.Sprintf("%d %s %q", i, c.Test, c.Input), func(t *testing.T) {
			var got, want []string
			switch {
			case c.Pipeline == "FrenchAnalyzer" && strings.HasPrefix(c.Applicable, "yes if the analyzer supports a keyword"):
				// Lucene's testExclusionTableViaCtor: habitable protected, no stop words.
				a := New(Options{Protected: []string{"habitable"}, StopWords: []string{}})
				got, want = termList(a.Analyze([]byte(c.Input))), foldAll(c.Snowball)
			case c.Pipeline == "FrenchAnalyzer" && strings.HasPrefix(c.Applicable, "yes"):
				got, want = termList(parts(New(Options{}).Analyze([]byte(c.Input)))), foldAll(c.Snowball)
			case c.Pipeline == "FrenchAnalyzer":
				got, want = prestem(c.Input), c.Prestem
			case c.Pipeline == "Elision": // articles {l, M}, case-sensitive, no lower-casing
				got = termList(NewElisionFilter([]string{"l", "M"}).Filter(NewTokenizer().Tokenize([]byte(c.Input))))
				want = c.Expected
			case c.Pipeline == "ElisionKeyword": // one token holding the whole input
				ts := bleveanalysis.TokenStream{{Term: []byte(c.Input), End: len(c.Input), Position: 1}}
				got, want = termList(NewElisionFilter(nil).Filter(ts)), c.Expected
			case c.Pipeline == "ElisionWS":
				got = termList(NewElisionFilter(nil).Filter(NewLowerFilter().Filter(NewTokenizer().Tokenize([]byte(c.Input)))))
				want = c.Expected
			default:
				t.Skipf("pipeline %s does not apply", c.Pipeline)
			}
			ran++
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
				t.Errorf("%s (%s): got %q, want %q", c.Test, c.Checks, got, want)
			}
		})
	}
	if ran != len(cases.AnalyzerCases) {
		t.Errorf("ran %d of %d cases", ran, len(cases.AnalyzerCases))
	}
}

func foldAll(words []string) []string {
	out := []string{}
	for _, w := range words {
		out = append(out, Fold(w))
	}
	return out
}

// TestLuceneConflation checks that the word groups Snowball conflates are
// conflated by the analyzer too: all their analyses share a term. Groups
// that Snowball keeps apart are logged, with what the analyzer does.
func TestLuceneConflation(t *testing.T) {
	a := New(Options{})
	for _, g := range readLuceneCases(t).ConflationGroups {
		var shared map[string]bool
		var all []string
		for _, w := range g.Words {
			terms := termList(a.Analyze([]byte(w)))
			all = append(all, w+"→"+strings.Join(terms, "|"))
			if shared == nil {
				shared = map[string]bool{}
				for _, term := range terms {
					shared[term] = true
				}
				continue
			}
			for term := range shared {
				if !slices.Contains(terms, term) {
					delete(shared, term)
				}
			}
		}
		switch {
		case g.Conflates && len(shared) == 0:
			t.Errorf("Snowball conflates %v, the analyzer does not: %v", g.Words, all)
		case !g.Conflates:
			t.Logf("Snowball keeps apart %v; the analyzer conflates them: %v (%v)", g.Words, len(shared) > 0, all)
		}
	}
}
