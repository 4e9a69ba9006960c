package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/dossier-search/dossier-search/analysis"
	"github.com/dossier-search/dossier-search/dates"
)

// Field names of the index. They are part of its on-disk format.
const (
	fieldTitle      = "title"
	fieldBody       = "body"
	fieldSource     = "source"
	fieldURL        = "url"
	fieldPublished  = "published"  // datetime: the first day of the publication date
	fieldPrecision  = "precision"  // "day", "month" or "year": how much of published is known
	fieldMonth      = "month"      // keyword "2023-04" (or "2023" when only the year is known): the date facet
	fieldActor      = "actor"      // keyword, display names: facets and hits
	fieldTopic      = "topic"      // keyword
	fieldActorKey   = "actor_key"  // keyword, normalised names: filters
	fieldTopicKey   = "topic_key"  // keyword
	fieldSourceKey  = "source_key" // keyword
	analyzerFrench  = "fr_dossier"
	docTypeArticle  = "article"
	titleBoost      = 2.0
	defaultFacetLen = 20
)

// newMapping returns the explicit mapping of a dossier index: no dynamic
// fields and no _all field; title and body analysed in French, stored for
// snippets, with term vectors for phrases; keyword fields for facets and
// filters; BM25 scoring.
func newMapping(opts analysis.Options) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = index.BM25Scoring
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	if err := m.AddCustomAnalyzer(analyzerFrench, opts.Config()); err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = analyzerFrench

	text := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzerFrench
		f.Store = true
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		return f
	}
	keywordField := func(store, docValues bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.DocValues = docValues
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldTitle, text())
	doc.AddFieldMappingsAt(fieldBody, text())
	doc.AddFieldMappingsAt(fieldSource, keywordField(true, true))
	doc.AddFieldMappingsAt(fieldActor, keywordField(true, true))
	doc.AddFieldMappingsAt(fieldTopic, keywordField(true, true))
	doc.AddFieldMappingsAt(fieldMonth, keywordField(false, true))
	doc.AddFieldMappingsAt(fieldPrecision, keywordField(true, false))
	doc.AddFieldMappingsAt(fieldActorKey, keywordField(false, false))
	doc.AddFieldMappingsAt(fieldTopicKey, keywordField(false, false))
	doc.AddFieldMappingsAt(fieldSourceKey, keywordField(false, false))
	url := keywordField(true, false)
	url.Index = false
	doc.AddFieldMappingsAt(fieldURL, url)
	published := mapping.NewDateTimeFieldMapping()
	published.Store = true
	published.IncludeInAll = false
	published.DocValues = true
	doc.AddFieldMappingsAt(fieldPublished, published)

	m.AddDocumentMapping(docTypeArticle, doc)
	m.DefaultMapping = doc
	m.DefaultType = docTypeArticle
	return m, m.Validate()
}

// fields returns what the index holds of d.
func fields(d Document) map[string]any {
	f := map[string]any{
		fieldTitle:    d.Title,
		fieldBody:     d.Body,
		fieldActor:    d.Actors,
		fieldTopic:    d.Topics,
		fieldActorKey: keys(d.Actors),
		fieldTopicKey: keys(d.Topics),
	}
	if d.Source != "" { // no facet value for the unknown
		f[fieldSource] = d.Source
		f[fieldSourceKey] = key(d.Source)
	}
	if d.URL != "" {
		f[fieldURL] = d.URL
	}
	if !d.Published.IsZero() {
		f[fieldPublished] = d.Published.Start()
		f[fieldPrecision] = precisionName[d.Published.Precision()]
		month := d.Published
		month.Day = 0
		f[fieldMonth] = month.String()
	}
	return f
}

var precisionName = map[dates.Precision]string{dates.Year: "year", dates.Month: "month", dates.Day: "day"}

// key normalises a facet value for filtering: lower case, no accents, single
// spaces, so that actor:microsoft and actor:Microsoft agree.
func key(s string) string {
	return strings.Join(strings.Fields(analysis.Fold(strings.ToLower(s))), " ")
}

func keys(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = key(v)
	}
	return out
}
