package analysis

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"

	"github.com/dossier-search/dossier-search/internal/golden"
)

// seedSentences are quoted from the seed articles; TestGolden checks that
// each still occurs in ../seeds.
var seedSentences = []string{
	"Microsoft refuse de payer l’API de Twitter",
	"Ils se sont entraînés illégalement",
	"aujourd’hui",
	"« C’est l’heure du procès »",
	"Franck Shaw, porte-parole de Microsoft, a fait une déclaration",
	"— Elon Musk (@elonmusk) April 19, 2023",
	"au moins 42.000 dollars (38.373 euros) par mois pour accéder à son API",
	"entre 50% et 70% de ses annonceurs",
	"récupéré plus de 26 milliards de tweets",
	"les campagnes publicitaires intelligentes multi-plateformes",
	"(ChatGPT, GPT-4...)",
	"Erwan, expert digital pour Coeur sur Paris",
}

// constructedSentences exercise what the seeds lack. The first two are
// quoted by the issue that specified the analyzer as coming from the seeds,
// but the seeds have neither.
var constructedSentences = []string{
	"jusqu’à 45 000 dollars par mois",
	"l’été 2023",
	"L'été 2023, un procès à 42 000 dollars et 45\u202f000 euros",
	"Les APIs d'OpenAI, l’e-mail et #IA sur https://www.example.com/api/.",
	"Un cœur, des œuvres, une ﬁnance et l’activité économique",
	"Cela a-t-il été dit ? Aujourd'hui, peut-être.",
}

func TestGolden(t *testing.T) {
	var seeds []byte
	for _, s := range seedTexts(t) {
		seeds = append(seeds, s...)
	}
	for _, s := range seedSentences {
		if !bytes.Contains(seeds, []byte(s)) {
			t.Errorf("%q is not in the seed articles", s)
		}
	}
	var b strings.Builder
	a := New(Options{})
	for _, s := range append(slices.Clone(seedSentences), constructedSentences...) {
		fmt.Fprintf(&b, "== %s\n", s)
		fmt.Fprintf(&b, "%-20s %5s %5s %4s  %s\n", "term", "start", "end", "pos", "text")
		for _, tok := range a.Analyze([]byte(s)) {
			kw := ""
			if tok.KeyWord {
				kw = " (keyword)"
			}
			fmt.Fprintf(&b, "%-20s %5d %5d %4d  %s%s\n", tok.Term, tok.Start, tok.End, tok.Position, s[tok.Start:tok.End], kw)
		}
		b.WriteString("\n")
	}
	golden.Check(t, "testdata/analyzer.golden", b.String())
}

// terms returns the terms of an analysis, position by position: the
// alternatives at each position of a collapsed query.
func queryTerms(a *Analyzer, q string) [][]string {
	var out [][]string
	last := -1
	for _, tok := range Collapse(a.Analyze([]byte(q))) {
		if tok.Position != last {
			out = append(out, nil)
			last = tok.Position
		}
		out[len(out)-1] = append(out[len(out)-1], string(tok.Term))
	}
	return out
}

// finds reports whether every position of query q has an alternative among
// the terms of document doc: what an AND query of the analysed words needs.
func finds(a *Analyzer, q, doc string) bool {
	have := map[string]bool{}
	for _, tok := range a.Analyze([]byte(doc)) {
		have[string(tok.Term)] = true
	}
	qt := queryTerms(a, q)
	for _, alts := range qt {
		if !slices.ContainsFunc(alts, func(s string) bool { return have[s] }) {
			return false
		}
	}
	return len(qt) > 0
}

func TestFinds(t *testing.T) {
	a := New(Options{})
	for _, c := range []struct {
		query, doc string
		want       bool
	}{
		{"proces", "C’est l’heure du procès", true},
		{"procès", "un proces", true},
		{"entrainement", "l’entraînement des intelligences artificielles", true},
		{"entraînement", "ils se sont entraînés", true},
		{"coeur", "Cœur sur Paris", true},
		{"cœurs", "Coeur sur Paris", true},
		{"activite", "l’activité", true},
		{"securite", "la sécurité des données", true},
		{"evenement", "un événement sans rapport", true},
		{"aimee", "elle est aimée", true},
		{"aimer", "elle est aimée", true},
		{"l'API", "refuse de payer l’API de Twitter", true},
		{"l’api", "refuse de payer l'API de Twitter", true},
		{"APIs", "l’API de Twitter", true},
		{"API payante", "rendre l’accès à son API payante", true},
		{"l’été 2023", "l'été 2023", true},
		{"été", "Il a été dit", true}, // a noun or a participle: the index cannot tell
		{"42000", "au moins 42.000 dollars", true},
		{"42000", "au moins 42 000 dollars", true},
		{"42 000", "au moins 42.000 dollars", true},
		{"42.000", "au moins 42\u00a0000 dollars", true},
		{"45000", "jusqu’à 45\u202f000 dollars", true},
		{"42", "au moins 42.000 dollars", false},
		{"GPT-4", "ChatGPT, GPT-4...", true},
		{"GPT4", "ChatGPT, GPT-4...", true},
		{"GPT-4", "GPT4", true},
		{"e-mail", "un email", true},
		{"email", "un e-mail", true},
		{"multiplateformes", "campagnes multi-plateformes", true},
		{"@elonmusk", "— Elon Musk (@elonmusk) April 19", true},
		{"elonmusk", "— Elon Musk (@elonmusk) April 19", true},
		{"@elonmusk", "le compte elonmusk", false},
		{"#IA", "le débat #IA", true},
		{"jeuxvideo.com", "selon jeuxvideo.com", true},
		{"jeuxvideo", "selon jeuxvideo.com", true},
		{"https://example.com/api", "voir http://www.example.com/api/.", true},
		{"Twitter", "les twitters", true}, // a protected word takes its plural
		{"Twitter", "il twitta", false},   // but is not stemmed: twitta gives twitt
		{"tweeter", "un tweet", true},
		{"USA", "aux U.S.A.", true},
		{"salariés", "les salarié·e·s", true},
		{"aujourd'hui", "aujourd’hui", true},
		{"revenu", "les revenus publicitaires", true},
		{"vidéo", "des vidéos", true},
		{"euro", "38.373 euros", true},
		{"ami", "des amis", true},
		{"jeu vidéo", "des jeux vidéos", true},
		{"enjeu", "les enjeux", true},
		{"bijou", "des bijoux", true},
		{"vœu", "meilleurs voeux", true},
		{"fois", "de bonne foi", false},
		{"Paris", "un pari", false},
	} {
		t.Run(c.query+" in "+c.doc, func(t *testing.T) {
			if got := finds(a, c.query, c.doc); got != c.want {
				t.Errorf("query %q finds %q: %v, want %v\nquery %q\ndoc   %q", c.query, c.doc, got, c.want,
					queryTerms(a, c.query), queryTerms(a, c.doc))
			}
		})
	}
}

// TestHighlightOffsets checks that offsets mark the word, not its article.
func TestHighlightOffsets(t *testing.T) {
	a := New(Options{})
	for _, c := range []struct{ in, term, text string }{
		{"payer l’API", "api", "API"},
		{"payer l'API", "api", "API"},
		{"payer lʼAPI", "api", "API"},
		{"jusqu’au bout", "bout", "bout"},
		{"L’entreprise américaine", "entrepri", "entreprise"},
		{"qu’OpenAI", "openai", "OpenAI"},
		{"les APIs", "api", "APIs"},
	} {
		found := false
		for _, tok := range a.Analyze([]byte(c.in)) {
			if string(tok.Term) == c.term {
				found = true
				if got := c.in[tok.Start:tok.End]; got != c.text {
					t.Errorf("%q: term %q marks %q, want %q", c.in, c.term, got, c.text)
				}
			}
		}
		if !found {
			t.Errorf("%q: no term %q", c.in, c.term)
		}
	}
}

func TestStopWords(t *testing.T) {
	words := StopWords()
	if len(words) < 150 {
		t.Fatalf("only %d stop words", len(words))
	}
	stop := NewStopFilter(nil)
	for _, w := range []string{"le", "la", "les", "de", "du", "des", "à", "au", "aux", "et", "était", "sont", "l", "qu", "votre", "cela"} {
		if !stop.Stop([]byte(w)) {
			t.Errorf("%q is not a stop word", w)
		}
	}
	for _, w := range []string{"été", "étés", "est", "sommes", "avions", "as", "ton", "procès", "api"} {
		if stop.Stop([]byte(w)) {
			t.Errorf("%q is a stop word; stopwords.txt says it is kept", w)
		}
	}
}

func TestOptions(t *testing.T) {
	a := New(Options{Protected: []string{"Habitable"}, StopWords: []string{}})
	got := queryTerms(a, "le habitable chiste")
	want := [][]string{{"le"}, {"habitable"}, {"chist"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("with options: %v, want %v", got, want)
	}
	if got := queryTerms(New(Options{}), "twitter"); fmt.Sprint(got) != "[[twitter]]" {
		t.Errorf("twitter: %v, want [[twitter]] (protected)", got)
	}
	if got := queryTerms(New(Options{Protected: []string{}}), "twitter"); fmt.Sprint(got) != "[[twitt]]" {
		t.Errorf("twitter unprotected: %v, want [[twitt]]", got)
	}
}

func TestCollapse(t *testing.T) {
	a := New(Options{})
	for _, c := range []struct{ in, want string }{
		{"GPT-4", "[[gpt4]]"},
		{"@elonmusk", "[[@elonmusk]]"},
		{"activité", "[[activ activit]]"},
		{"l’avant-garde arrive", "[[avantgard] [arriv]]"},
		{"a-t-il", "[[a]]"},
		{"http://x.fr/a b", "[[x.fr/a] [b]]"},
	} {
		if got := fmt.Sprint(queryTerms(a, c.in)); got != c.want {
			t.Errorf("Collapse(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestConcurrent analyses the seeds from many goroutines at once (run it
// with -race): the analyzer and its stem cache are shared.
func TestConcurrent(t *testing.T) {
	texts := seedTexts(t)
	a := New(Options{StemCacheSize: 256}) // small, so that generations turn
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = fmt.Sprint(tokens(New(Options{}).Analyze(text)))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				k := (g + i) % len(texts)
				if got := fmt.Sprint(tokens(a.Analyze(texts[k]))); got != want[k] {
					t.Errorf("goroutine %d: seed %d analysed differently", g, k)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestInputUnchanged checks that analysis never writes into its input, as
// bleve's to_lower filter does: snippets are cut from the original text.
func TestInputUnchanged(t *testing.T) {
	in := []byte("L’API de TWITTER coûte 42.000 $ — ÉTÉ ﬁnance Œuvre")
	orig := slices.Clone(in)
	New(Options{}).Analyze(in)
	if !bytes.Equal(in, orig) {
		t.Errorf("input changed to %q", in)
	}
}

func FuzzAnalyzer(f *testing.F) {
	for _, s := range append(slices.Clone(seedSentences), constructedSentences...) {
		f.Add([]byte(s))
	}
	f.Add([]byte("abc\xffdef\xc3"))
	f.Add([]byte("l\xe2\x80\x99"))
	f.Add([]byte("@#@# http://https:// www.. 1 000 000.000,5 -a- ·x· l’’x"))
	a, chain := New(Options{}), chained(Options{})
	f.Fuzz(func(t *testing.T, in []byte) {
		orig := slices.Clone(in)
		checkStream(t, in, a.Analyze(in))
		checkStream(t, in, Collapse(a.Analyze(in)))
		if !bytes.Equal(in, orig) {
			t.Fatalf("input changed")
		}
		if got, want := fmt.Sprint(tokens(a.Analyze(in))), fmt.Sprint(tokens(chain.Analyze(in))); got != want {
			t.Fatalf("%q: fused and chained analyses differ", in)
		}
	})
}

// checkStream checks the invariants of any analysis of in: valid UTF-8
// terms, offsets inside the input on rune boundaries, positions from 1 that
// never go back.
func checkStream(t *testing.T, in []byte, ts bleveanalysis.TokenStream) {
	t.Helper()
	last := 1
	for _, tok := range ts {
		if len(tok.Term) == 0 {
			t.Fatalf("%q: empty term", in)
		}
		if !utf8.Valid(tok.Term) {
			t.Fatalf("%q: term %q is not valid UTF-8", in, tok.Term)
		}
		if tok.Start < 0 || tok.Start > tok.End || tok.End > len(in) {
			t.Fatalf("%q: term %q at %d-%d outside the input", in, tok.Term, tok.Start, tok.End)
		}
		if !boundary(in, tok.Start) || !boundary(in, tok.End) {
			t.Fatalf("%q: term %q at %d-%d not on rune boundaries", in, tok.Term, tok.Start, tok.End)
		}
		if tok.Position < last {
			t.Fatalf("%q: term %q at position %d after position %d", in, tok.Term, tok.Position, last)
		}
		last = tok.Position
	}
}

// boundary reports whether offset i of b starts a rune, ends the text, or
// follows a byte that is not part of a valid sequence.
func boundary(b []byte, i int) bool {
	if i == 0 || i == len(b) {
		return true
	}
	if utf8.RuneStart(b[i]) {
		return true
	}
	// A continuation byte starts a "rune" only if it is not inside a valid
	// sequence: then it is an invalid byte of its own.
	for j := max(0, i-3); j < i; j++ {
		r, n := utf8.DecodeRune(b[j:])
		if !(r == utf8.RuneError && n == 1) && j+n > i {
			return false
		}
	}
	return true
}

// TestFused checks that the analyzer, which applies its filters in one
// remembered pass, gives what the filters give one after the other: on the
// seeds, the golden sentences, twice (the second time from the memo), and
// on the corpus when there is one.
func TestFused(t *testing.T) {
	fused, chain := New(Options{}), chained(Options{})
	texts := seedTexts(t)
	for _, s := range append(slices.Clone(seedSentences), constructedSentences...) {
		texts = append(texts, []byte(s))
	}
	if !testing.Short() {
		if corpus, err := os.Stat(corpusPath()); err == nil && corpus.Size() > 0 {
			texts = append(texts, corpusTexts(t)[:1000]...)
		}
	}
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			if got, want := fmt.Sprint(tokens(fused.Analyze(text))), fmt.Sprint(tokens(chain.Analyze(text))); got != want {
				t.Fatalf("round %d, %.60q…: fused and chained analyses differ", round, text)
			}
		}
	}
}
