// Benchmarks of the hot paths of dossier-search, each beside a baseline
// measured in the same run, so that a ratio can be read on a noisy machine:
//
//	go test -run XXX -bench . -benchtime 2s
//
// The analysis benchmarks (analyzer and stemmer beside bleve's) are in
// ./analysis.
package dossiersearch_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/dossier-search/dossier-search/dossier"
	"github.com/dossier-search/dossier-search/search"
	"github.com/dossier-search/dossier-search/seeds"
)

func seedDocs(b *testing.B) ([]search.Document, int) {
	b.Helper()
	docs, err := seeds.Documents()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, d := range docs {
		size += len(d.Title) + len(d.Body)
	}
	return docs, size
}

// stockIndex indexes docs as a bleve user would without dossier-search:
// bleve's "fr" analyzer on title and body, keyword source, scorch in memory.
func stockIndex(b *testing.B, docs []search.Document) bleve.Index {
	b.Helper()
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = "fr"
	doc := bleve.NewDocumentMapping()
	for _, f := range []string{"title", "body"} {
		fm := mapping.NewTextFieldMapping()
		fm.Analyzer = "fr"
		doc.AddFieldMappingsAt(f, fm)
	}
	doc.AddFieldMappingsAt("source", mapping.NewKeywordFieldMapping())
	m.DefaultMapping = doc
	ix, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		b.Fatal(err)
	}
	batch := ix.NewBatch()
	for _, d := range docs {
		if err := batch.Index(d.ID, map[string]any{"title": d.Title, "body": d.Body, "source": d.Source}); err != nil {
			b.Fatal(err)
		}
	}
	if err := ix.Batch(batch); err != nil {
		b.Fatal(err)
	}
	return ix
}

// BenchmarkIndexSeeds builds an in-memory index of the five seed articles.
func BenchmarkIndexSeeds(b *testing.B) {
	docs, size := seedDocs(b)
	b.Run("bleve_fr", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			stockIndex(b, docs).Close()
		}
	})
	b.Run("dossier", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			ix, err := search.New(context.Background(), docs, search.Options{})
			if err != nil {
				b.Fatal(err)
			}
			ix.Close()
		}
	})
}

// BenchmarkSearchSeeds runs queries on the seed articles, top 10 with facets
// and highlighted passages: dossier-search beside bleve's match query with
// its own highlighter.
func BenchmarkSearchSeeds(b *testing.B) {
	docs, _ := seedDocs(b)
	stock := stockIndex(b, docs)
	defer stock.Close()
	ix, err := search.New(context.Background(), docs, search.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"API payante", "procès", "intelligence artificielle Microsoft"} {
		b.Run("bleve_fr/"+q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				mq := query.NewMatchQuery(q)
				mq.SetOperator(query.MatchQueryOperatorAnd)
				req := bleve.NewSearchRequest(mq)
				req.Fields = []string{"title", "source"}
				req.Highlight = bleve.NewHighlight()
				req.AddFacet("source", bleve.NewFacetRequest("source", 20))
				if _, err := stock.Search(req); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("dossier/"+q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ix.Search(context.Background(), search.Request{Query: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCommand runs the whole program, dossier-search "API payante" on
// the embedded dossier, beside grep -ri "api payante" seeds/ as the floor
// of what a process that reads the articles costs. It builds the program
// first and warms its cache of the seed index, as a second run finds it.
func BenchmarkCommand(b *testing.B) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go tool to build the command")
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "dossier-search")
	if out, err := exec.Command(goTool, "build", "-o", bin, "./cmd/dossier-search").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	env := append(os.Environ(), "DOSSIER_CACHE_DIR="+filepath.Join(dir, "cache"), "DOSSIER_INDEX=")
	run := func(b *testing.B, name string, args ...string) {
		cmd := exec.Command(name, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", name, err, out)
		}
	}
	run(b, bin, "API payante") // fills the cache
	b.Run("grep", func(b *testing.B) {
		for b.Loop() {
			run(b, "grep", "-ri", "api payante", "seeds/")
		}
	})
	b.Run("dossier-search", func(b *testing.B) {
		for b.Loop() {
			run(b, bin, "API payante")
		}
	})
}

// corpusPath returns $DOSSIER_CORPUS, or the benchmark corpus where it is
// when the repository is checked out beside ../shared; the benchmarks that
// need it skip when it is absent.
func corpusPath(b testing.TB) string {
	p := os.Getenv("DOSSIER_CORPUS")
	if p == "" {
		p = "../shared/corpus/fr-docs-20mb.jsonl.gz"
	}
	if _, err := os.Stat(p); err != nil {
		b.Skipf("no corpus (build one with tools/corpus/build.sh and set DOSSIER_CORPUS): %v", err)
	}
	return p
}

// corpusArticle is a line of the benchmark corpus.
type corpusArticle struct {
	ID, Source, Title, Text string
}

func readCorpus(b *testing.B, path string) ([]corpusArticle, int) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var arts []corpusArticle
	size := 0
	s := bufio.NewScanner(z)
	s.Buffer(nil, 64<<20)
	for s.Scan() {
		var a corpusArticle
		if err := json.Unmarshal(s.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		size += len(a.Title) + len(a.Text)
	}
	return arts, size
}

// BenchmarkIndexCorpus indexes the 20 MB French corpus: stock bleve as its
// users would (the fr analyzer on a dynamic mapping, scorch on disk,
// unsafe_batch, batches of 1,000, the articles already decoded) beside
// dossier-search's whole pipeline (reading the .jsonl.gz, annotating
// actors, dates and topics, the French analysis, the index with its
// generation). MB/s are of article text. Each also reports the peak of
// the Go heap while it indexes (sampled every 10 ms) and the size of the
// index on disk.
func BenchmarkIndexCorpus(b *testing.B) {
	path := corpusPath(b)
	arts, size := readCorpus(b, path)
	b.Run("bleve_fr", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			dir := filepath.Join(b.TempDir(), "index")
			peak := heapPeak(func() {
				m := bleve.NewIndexMapping()
				m.DefaultAnalyzer = "fr"
				ix, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, map[string]any{"unsafe_batch": true})
				if err != nil {
					b.Fatal(err)
				}
				batch := ix.NewBatch()
				for _, a := range arts {
					if err := batch.Index(a.ID, a); err != nil {
						b.Fatal(err)
					}
					if batch.Size() == 1000 {
						if err := ix.Batch(batch); err != nil {
							b.Fatal(err)
						}
						batch = ix.NewBatch()
					}
				}
				if err := ix.Batch(batch); err != nil {
					b.Fatal(err)
				}
				if err := ix.Close(); err != nil {
					b.Fatal(err)
				}
			})
			reportSizes(b, peak, dir)
		}
	})
	n := len(arts)
	arts = nil // dossier-search reads the file itself: the decoded articles must not weigh on its heap
	b.Run("dossier", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			dir := filepath.Join(b.TempDir(), "index")
			peak := heapPeak(func() {
				sum, err := dossier.Index(context.Background(), dir, []string{path}, dossier.Options{})
				if err != nil || sum.Documents != n {
					b.Fatalf("%+v, %v", sum, err)
				}
			})
			reportSizes(b, peak, dir)
		}
	})
}

// heapPeak runs f and returns the peak of the Go heap in use meanwhile,
// sampled every 10 ms, garbage not yet collected included.
func heapPeak(f func()) uint64 {
	runtime.GC()
	done := make(chan uint64)
	stop := make(chan bool)
	go func() {
		var peak uint64
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-stop:
				done <- peak
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	f()
	close(stop)
	return <-done
}

// reportSizes reports the heap peak and the size of the index in dir.
func reportSizes(b *testing.B, peak uint64, dir string) {
	var size int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	b.ReportMetric(float64(peak)/1e6, "peak_heap_MB")
	b.ReportMetric(float64(size)/1e6, "index_MB")
}

// corpusQueries are 1- to 3-word queries a reader of the corpus (French
// technical documentation) would type.
var corpusQueries = []string{
	"fichier", "serveur", "imprimante", "sauvegarde", "chiffrement", "clavier",
	"mot de passe", "ligne de commande", "base de données", "feuille de calcul", "noyau linux", "paquet debian",
	"configuration réseau", "police caractères", "interface graphique", "courrier électronique",
	"partition disque dur", "tableau croisé dynamique", "gestionnaire de paquets", "installation système fichiers",
}

// BenchmarkSearchCorpus runs the corpus queries, top 10, on the indexed
// 20 MB corpus: stock bleve (its fr analyzer, a match query with AND, one
// facet) beside dossier-search (its query language, four facets, three
// snippets a hit). It reports the median and 99th percentile latency of a
// query over all the queries and runs (-benchtime 100x: 2,000 searches),
// after one warm-up search of each.
func BenchmarkSearchCorpus(b *testing.B) {
	path := corpusPath(b)
	arts, _ := readCorpus(b, path)
	ctx := context.Background()

	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = "fr"
	stock, err := bleve.NewUsing(filepath.Join(b.TempDir(), "stock"), m, scorch.Name, scorch.Name, map[string]any{"unsafe_batch": true})
	if err != nil {
		b.Fatal(err)
	}
	batch := stock.NewBatch()
	for _, a := range arts {
		batch.Index(a.ID, a)
		if batch.Size() == 1000 {
			stock.Batch(batch)
			batch = stock.NewBatch()
		}
	}
	stock.Batch(batch)
	defer stock.Close()

	_, ix := corpusIndex(b, path)

	latencies := func(b *testing.B, run func(q string)) {
		for _, q := range corpusQueries { // warm: the first search of an index reads its facet tables
			run(q)
		}
		var all []time.Duration
		for b.Loop() {
			for _, q := range corpusQueries {
				t := time.Now()
				run(q)
				all = append(all, time.Since(t))
			}
		}
		slices.Sort(all)
		b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50_ms")
		b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99_ms")
		b.ReportMetric(0, "ns/op")
	}
	b.Run("bleve_fr", func(b *testing.B) {
		latencies(b, func(q string) {
			mq := query.NewMatchQuery(q)
			mq.SetOperator(query.MatchQueryOperatorAnd)
			req := bleve.NewSearchRequest(mq)
			req.AddFacet("source", bleve.NewFacetRequest("Source", 20))
			if _, err := stock.Search(req); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("dossier", func(b *testing.B) {
		latencies(b, func(q string) {
			if _, err := ix.Search(ctx, search.Request{Query: q}); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("dossier_no_snippets", func(b *testing.B) {
		latencies(b, func(q string) {
			if _, err := ix.Search(ctx, search.Request{Query: q, Snippets: -1}); err != nil {
				b.Fatal(err)
			}
		})
	})
	var hits []string
	for _, q := range corpusQueries {
		res, _ := ix.Search(ctx, search.Request{Query: q, Limit: -1})
		hits = append(hits, fmt.Sprintf("%s:%d", q, res.Total))
	}
	b.Logf("matches: %v", hits)
}

// BenchmarkVerifyCorpus reads the index of the 20 MB corpus against its
// checksums (search.Index.Verify: what dossier-search check and every
// index run do), beside opening it, the baseline: what a search pays.
func BenchmarkVerifyCorpus(b *testing.B) {
	dir, ix := corpusIndex(b, corpusPath(b))
	files, err := ix.Files()
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
	}
	b.Run("open", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ix, err := search.OpenReadOnly(dir)
			if err != nil {
				b.Fatal(err)
			}
			ix.Close()
		}
	})
	b.Run("verify", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			if err := ix.Verify(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// corpusIndex indexes the corpus in path as dossier-search index does, in
// a temporary directory, and returns the directory and its index opened
// read-only until the end of tb.
func corpusIndex(tb testing.TB, path string) (string, *search.Index) {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "index")
	if _, err := dossier.Index(context.Background(), dir, []string{path}, dossier.Options{}); err != nil {
		tb.Fatal(err)
	}
	ix, err := search.OpenReadOnly(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return dir, ix
}
