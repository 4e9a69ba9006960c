package analysis

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/registry"
)

// seedTexts returns the articles of the embedded dossier.
func seedTexts(tb testing.TB) [][]byte {
	tb.Helper()
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed articles in ../seeds: %v", err)
	}
	var texts [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, b)
	}
	return texts
}

// stockAnalyzer returns one of bleve's own analyzers or filters by name.
func stockAnalyzer(tb testing.TB, name string) bleveanalysis.Analyzer {
	tb.Helper()
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// BenchmarkAnalyzer measures the whole French analyzer on the five seed
// articles, beside bleve's stock "fr" analyzer: read the ratio of their MB/s.
// Each article is copied before analysis because bleve's to_lower filter
// writes into its input.
func BenchmarkAnalyzer(b *testing.B) {
	texts := seedTexts(b)
	benchAnalyzers(b, texts)
}

// BenchmarkAnalyzerCorpus does the same on a real French corpus: the
// articles of fr-docs-20mb.jsonl.gz (7,683 articles, 20 MB), read from
// $DOSSIER_CORPUS or ../../shared/corpus/. It skips when the file is absent.
func BenchmarkAnalyzerCorpus(b *testing.B) {
	benchAnalyzers(b, corpusTexts(b))
}

// corpusPath returns $DOSSIER_CORPUS, or where the benchmark corpus is
// when the repository is checked out beside ../shared.
func corpusPath() string {
	if p := os.Getenv("DOSSIER_CORPUS"); p != "" {
		return p
	}
	return "../../shared/corpus/fr-docs-20mb.jsonl.gz"
}

// corpusTexts reads the "text" of each line of a gzipped JSONL corpus, or
// skips the test or benchmark when there is none.
func corpusTexts(b testing.TB) [][]byte {
	f, err := os.Open(corpusPath())
	if err != nil {
		b.Skipf("no corpus (set DOSSIER_CORPUS to fr-docs-20mb.jsonl.gz): %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var texts [][]byte
	s := bufio.NewScanner(z)
	s.Buffer(nil, 64<<20)
	for s.Scan() {
		var doc struct{ Text string }
		if err := json.Unmarshal(s.Bytes(), &doc); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, []byte(doc.Text))
	}
	if err := s.Err(); err != nil {
		b.Fatal(err)
	}
	return texts
}

func benchAnalyzers(b *testing.B, texts [][]byte) {
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	for _, c := range []struct {
		name string
		a    bleveanalysis.Analyzer
	}{
		{"bleve_fr", stockAnalyzer(b, "fr")},
		{"dossier_fr", New(Options{})},
	} {
		b.Run(c.name, func(b *testing.B) {
			buf := make([]byte, 0, size)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			tokens := 0
			for b.Loop() {
				for _, t := range texts {
					buf = append(buf[:0], t...)
					tokens += len(c.a.Analyze(buf))
				}
			}
			b.ReportMetric(float64(tokens)/float64(b.N), "tokens/op")
		})
	}
}

// BenchmarkStem measures the stemming step alone, in words per second, on
// the words of the seed articles: StemFilter (kljensen/snowball corrected,
// behind its cache) beside bleve's stemmer_fr_snowball (snowballstem,
// uncached) and kljensen's french.Stem called directly.
func BenchmarkStem(b *testing.B) {
	var words []string
	for _, t := range seedTexts(b) {
		for _, tok := range NewStopFilter(nil).Filter(NewElisionFilter(nil).Filter(NewLowerFilter().Filter(NewTokenizer().Tokenize(t)))) {
			if tok.Type == bleveanalysis.AlphaNumeric && !hasDigit(tok.Term) {
				words = append(words, string(tok.Term))
			}
		}
	}
	stream := func() bleveanalysis.TokenStream {
		ts := make(bleveanalysis.TokenStream, len(words))
		for i, w := range words {
			ts[i] = &bleveanalysis.Token{Term: []byte(w), Type: bleveanalysis.AlphaNumeric}
		}
		return ts
	}
	bleveStem, err := registry.NewCache().TokenFilterNamed("stemmer_fr_snowball")
	if err != nil {
		b.Fatal(err)
	}
	filters := []struct {
		name string
		f    bleveanalysis.TokenFilter
	}{
		{"bleve_stemmer_fr_snowball", bleveStem},
		{"dossier_fr_stem", NewStemFilter(0)},
	}
	for _, c := range filters {
		b.Run(c.name, func(b *testing.B) {
			ts := stream()
			terms := make([][]byte, len(ts))
			for i, t := range ts {
				terms[i] = t.Term
			}
			b.SetBytes(int64(len(strings.Join(words, " "))))
			b.ReportAllocs()
			for b.Loop() {
				for i, t := range ts { // restore the words: filters replace terms
					t.Term = terms[i]
				}
				c.f.Filter(ts)
			}
			b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
	b.Run("kljensen_uncached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, w := range words {
				Stem(w)
			}
		}
		b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	})
}
