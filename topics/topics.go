// Package topics files press articles under the topics of a taxonomy.
//
// A taxonomy lists topics, each with an id, a French label and cues: words
// and phrases that signal it. Cues go through the same French analysis as
// the articles (package analysis), so that a cue matches the forms of its
// words: « entraîner » finds « entraînés » and « entrainement », « API
// payante » finds « API payantes ». A phrase matches its words side by side,
// stop words aside.
//
// A document gets a topic when the evidence is strong enough, not at every
// passing mention. The evidence of a topic is the sum, over its cues, of
// their occurrences — 1 for a word, 2 for a phrase, twice that in the title
// — counting no cue more than three times, so that one repeated word cannot
// carry a topic alone, and counting words once when several cues match them
// (« payer » and « payante » share a stem; the phrase « API payante » takes
// its « API »). A topic is given when
//
//   - its evidence is at least Threshold,
//   - at least two different cues occur, and
//   - when the topic has core cues (written +cue in the file), one of them
//     occurs: « campagnes » alone does not make an article about
//     advertising, « publicité » does; « IA » alone does not make one about
//     the data AI models are trained on, « entraîner » does.
//
// The threshold suits press articles of 300 to 1,500 words. It was set on
// the seed dossier, after its expected topics had been decided by reading
// the articles (see the tests): 5 gives every topic a reader gives them and
// no passing mention, with little margin — the paid API in 000 scores 6,
// its one paragraph on OpenAI 4. Longer texts gather more passing mentions
// and would want a higher threshold.
package topics

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"

	"github.com/dossier-search/dossier-search/analysis"
)

// Threshold is the evidence a topic needs (see the package documentation).
const Threshold = 5

// maxCount is the number of occurrences of one cue that count.
const maxCount = 3

// Topic is a topic of a taxonomy.
type Topic struct {
	ID    string
	Label string   // in French, as facets show it
	Cues  []string // as written in the taxonomy, without the + of core cues
	Core  []string // the core cues
}

// Taxonomy is a list of topics. It is safe for concurrent use.
type Taxonomy struct {
	topics []Topic
	cues   [][]cue             // the analysed cues of each topic
	terms  map[string]struct{} // every term of every cue: the only ones a document's index keeps
}

// cue is an analysed cue: its positions, each with the terms that may stand
// there, relative to the first.
type cue struct {
	text   string
	core   bool
	phrase bool
	terms  [][]string // by position; nil at a stop word's position
}

//go:embed taxonomy.txt
var defaultText string

var defaultTaxonomy = sync.OnceValues(func() (*Taxonomy, error) { return Parse(strings.NewReader(defaultText)) })

// Default returns the taxonomy shipped with the program (taxonomy.txt).
func Default() *Taxonomy {
	t, err := defaultTaxonomy()
	if err != nil {
		panic("topics: default taxonomy: " + err.Error()) // checked by the tests
	}
	return t
}

// analyzer is the French analyzer, shared: it caches stems.
var analyzer = sync.OnceValue(func() *analysis.Analyzer { return analysis.New(analysis.Options{}) })

// Parse reads a taxonomy: one topic a line, "id | label | cue; cue; …", a
// core cue written +cue, # starting a comment.
func Parse(r io.Reader) (*Taxonomy, error) {
	t := &Taxonomy{}
	s := bufio.NewScanner(r)
	seen := map[string]bool{}
	for n := 1; s.Scan(); n++ {
		line := s.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "|")
		if len(fields) != 3 {
			return nil, fmt.Errorf("taxonomy line %d: want id | label | cues, have %d fields", n, len(fields))
		}
		topic := Topic{ID: strings.TrimSpace(fields[0]), Label: strings.TrimSpace(fields[1])}
		if topic.ID == "" || topic.Label == "" {
			return nil, fmt.Errorf("taxonomy line %d: empty id or label", n)
		}
		if seen[topic.ID] {
			return nil, fmt.Errorf("taxonomy line %d: topic %s defined twice", n, topic.ID)
		}
		seen[topic.ID] = true
		var cues []cue
		for _, c := range strings.Split(fields[2], ";") {
			c = strings.TrimSpace(c)
			core := strings.HasPrefix(c, "+")
			c = strings.TrimSpace(strings.TrimPrefix(c, "+"))
			if c == "" {
				continue
			}
			a := analyze(c)
			if len(a.terms) == 0 {
				return nil, fmt.Errorf("taxonomy line %d: cue %q has only stop words", n, c)
			}
			a.core = core
			cues = append(cues, a)
			topic.Cues = append(topic.Cues, c)
			if core {
				topic.Core = append(topic.Core, c)
			}
		}
		if len(cues) < 2 {
			return nil, fmt.Errorf("taxonomy line %d: topic %s needs two cues or more", n, topic.ID)
		}
		// Longest cues first, so that a phrase takes its words before the
		// words alone do (see Evidence).
		slices.SortStableFunc(cues, func(a, b cue) int { return len(b.terms) - len(a.terms) })
		t.topics = append(t.topics, topic)
		t.cues = append(t.cues, cues)
		for _, c := range cues {
			for _, alts := range c.terms {
				for _, term := range alts {
					if t.terms == nil {
						t.terms = map[string]struct{}{}
					}
					t.terms[term] = struct{}{}
				}
			}
		}
	}
	if err := s.Err(); err != nil {
		return nil, fmt.Errorf("taxonomy: %w", err)
	}
	if len(t.topics) == 0 {
		return nil, fmt.Errorf("taxonomy: no topic")
	}
	return t, nil
}

// analyze turns a cue into its positions and terms.
func analyze(text string) cue {
	tokens := analysis.Collapse(analyzer().Analyze([]byte(text)))
	c := cue{text: text}
	if len(tokens) == 0 {
		return c
	}
	first := tokens[0].Position
	c.terms = make([][]string, tokens[len(tokens)-1].Position-first+1)
	for _, tok := range tokens {
		p := tok.Position - first
		c.terms[p] = append(c.terms[p], string(tok.Term))
	}
	c.phrase = len(c.terms) > 1
	return c
}

// Topics returns the topics of the taxonomy.
func (t *Taxonomy) Topics() []Topic { return slices.Clone(t.topics) }

// Lookup returns the topic with the given id or label, compared without
// case or accents.
func (t *Taxonomy) Lookup(name string) (Topic, bool) {
	k := key(name)
	for _, topic := range t.topics {
		if key(topic.ID) == k || key(topic.Label) == k {
			return topic, true
		}
	}
	return Topic{}, false
}

func key(s string) string { return analysis.Fold(strings.ToLower(strings.TrimSpace(s))) }

// Evidence is what a document has of a topic.
type Evidence struct {
	Topic Topic
	Score int            // see the package documentation
	Cues  map[string]int // occurrences of each cue found, title and body together
}

// Assign returns the topics of a document, strongest evidence first.
func (t *Taxonomy) Assign(title, body string) []Evidence {
	return t.AssignTokens(analyzer().Analyze([]byte(title)), analyzer().Analyze([]byte(body)))
}

// AssignTokens is Assign for a title and a body already analysed by the
// default French analyzer (analysis.New(analysis.Options{})): an indexer
// that analyses them anyway shares the work (see search.Analyze).
func (t *Taxonomy) AssignTokens(title, body bleveanalysis.TokenStream) []Evidence {
	var out []Evidence
	for _, e := range t.EvidenceTokens(title, body) {
		if e.Enough() {
			out = append(out, e)
		}
	}
	return out
}

// Enough reports whether the evidence gives the topic (see the package
// documentation).
func (e Evidence) Enough() bool {
	if e.Score < Threshold || len(e.Cues) < 2 {
		return false
	}
	if len(e.Topic.Core) == 0 {
		return true
	}
	for _, c := range e.Topic.Core {
		if e.Cues[c] > 0 {
			return true
		}
	}
	return false
}

// Evidence returns the evidence of every topic that has some in the
// document, assigned or not, strongest first: what Assign decides from.
// Where several cues of a topic match the same words (« payer » and
// « payante » share a stem; « API payante » holds « API »), the words count
// once, for the longest cue.
func (t *Taxonomy) Evidence(title, body string) []Evidence {
	return t.EvidenceTokens(analyzer().Analyze([]byte(title)), analyzer().Analyze([]byte(body)))
}

// EvidenceTokens is Evidence for a title and a body already analysed by
// the default French analyzer.
func (t *Taxonomy) EvidenceTokens(title, body bleveanalysis.TokenStream) []Evidence {
	ti, bi := t.index(title), t.index(body)
	var out []Evidence
	for k, topic := range t.topics {
		e := Evidence{Topic: topic, Cues: map[string]int{}}
		usedTitle, usedBody := map[int]bool{}, map[int]bool{}
		for _, c := range t.cues[k] { // longest first: see Parse
			inTitle, inBody := ti.count(c, usedTitle), bi.count(c, usedBody)
			if inTitle+inBody == 0 {
				continue
			}
			e.Cues[c.text] = inTitle + inBody
			weight := 1
			if c.phrase {
				weight = 2
			}
			counted := min(inTitle, maxCount)
			e.Score += 2 * weight * counted
			e.Score += weight * min(inBody, maxCount-counted)
		}
		if len(e.Cues) > 0 {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Evidence) int { return b.Score - a.Score })
	return out
}

// termIndex holds where the terms of the cues stand in a text.
type termIndex map[string][]int

// index records where the terms of the taxonomy's cues stand in the tokens
// of a text, and only them: a text has thousands of terms, the cues a few
// hundred.
func (t *Taxonomy) index(tokens bleveanalysis.TokenStream) termIndex {
	ix := termIndex{}
	for _, tok := range tokens {
		if _, ok := t.terms[string(tok.Term)]; !ok {
			continue
		}
		term := string(tok.Term)
		if ps := ix[term]; len(ps) == 0 || ps[len(ps)-1] != tok.Position {
			ix[term] = append(ps, tok.Position)
		}
	}
	return ix
}

// count returns the number of places where c stands in the text on
// positions not yet used, and marks them used.
func (ix termIndex) count(c cue, used map[int]bool) int {
	n := 0
	for _, p := range ix.positions(c.terms[0]) {
		ok := !used[p]
		for i, alts := range c.terms[1:] {
			if !ok {
				break
			}
			q := p + i + 1
			ok = alts == nil || slices.Contains(ix.positions(alts), q) && !used[q]
		}
		if !ok {
			continue
		}
		for i, alts := range c.terms {
			if alts != nil {
				used[p+i] = true
			}
		}
		n++
	}
	return n
}

// positions returns the sorted positions of any of the terms.
func (ix termIndex) positions(terms []string) []int {
	if len(terms) == 1 {
		return ix[terms[0]]
	}
	var ps []int
	for _, t := range terms {
		ps = append(ps, ix[t]...)
	}
	slices.Sort(ps)
	return slices.Compact(ps)
}
