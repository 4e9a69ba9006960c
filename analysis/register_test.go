package analysis_test

import (
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/dossier-search/dossier-search/analysis"
)

// TestRegistry builds an on-disk index whose mapping names the analyzer, and
// one with other word lists stored in the mapping, closes it and opens it
// again: bleve.Open must rebuild both analyzers from the registry.
func TestRegistry(t *testing.T) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomAnalyzer("fr_habitable", analysis.Options{Protected: []string{"habitable"}}.Config()); err != nil {
		t.Fatal(err)
	}
	doc := bleve.NewDocumentMapping()
	body := mapping.NewTextFieldMapping()
	body.Analyzer = analysis.AnalyzerName
	doc.AddFieldMappingsAt("body", body)
	name := mapping.NewTextFieldMapping()
	name.Analyzer = "fr_habitable"
	doc.AddFieldMappingsAt("name", name)
	m.DefaultMapping = doc

	path := filepath.Join(t.TempDir(), "index")
	idx, err := bleve.New(path, m)
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Index("1", map[string]string{"body": "Microsoft refuse de payer l’API de Twitter", "name": "Habitable"}); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	idx, err = bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	for _, c := range []struct{ field, term string }{
		{"body", "api"},       // elided, protected
		{"body", "refu"},      // stemmed
		{"name", "habitable"}, // protected by the stored word list, not stemmed to habit
	} {
		q := bleve.NewTermQuery(c.term)
		q.SetField(c.field)
		res, err := idx.Search(bleve.NewSearchRequest(q))
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 {
			t.Errorf("term %s:%s after reopening: %d hits, want 1", c.field, c.term, res.Total)
		}
	}
}
