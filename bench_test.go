// Benchmarks of the hot paths of dossier-search, each beside a baseline
// measured in the same run, so that a ratio can be read on a noisy machine:
//
//	go test -run XXX -bench . -benchtime 2s
//
// The analysis benchmarks (analyzer and stemmer beside bleve's) are in
// ./analysis.
package dossiersearch_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

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
