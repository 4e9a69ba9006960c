package search

import (
	"encoding/json"
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
	fieldPublished  = "published"   // datetime: the first day of the publication date
	fieldPrecision  = "precision"   // "day", "month" or "year": how much of published is known
	fieldMonth      = "month"       // keyword "2023-04" (or "2023" when only the year is known): the date facet
	fieldOrigin     = "origin"      // stored: where published comes from
	fieldActor      = "actor"       // keyword, display names: facets and hits
	fieldTopic      = "topic"       // keyword
	fieldProduct    = "product"     // keyword
	fieldActorKey   = "actor_key"   // keyword, normalised names and aliases: filters
	fieldTopicKey   = "topic_key"   // keyword
	fieldProductKey = "product_key" // keyword
	fieldSourceKey  = "source_key"  // keyword
	fieldMentions   = "mentions"    // stored JSON: the dated mentions, for timelines
	fieldMeta       = "meta"        // stored JSON: Document.Meta
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
	doc.AddFieldMappingsAt(fieldProduct, keywordField(true, true))
	doc.AddFieldMappingsAt(fieldProductKey, keywordField(false, false))
	doc.AddFieldMappingsAt(fieldMonth, keywordField(false, true))
	doc.AddFieldMappingsAt(fieldPrecision, keywordField(true, false))
	doc.AddFieldMappingsAt(fieldActorKey, keywordField(false, false))
	doc.AddFieldMappingsAt(fieldTopicKey, keywordField(false, false))
	doc.AddFieldMappingsAt(fieldSourceKey, keywordField(false, false))
	for _, name := range []string{fieldURL, fieldOrigin, fieldMentions, fieldMeta} { // stored, not searched
		f := keywordField(true, false)
		f.Index = false
		doc.AddFieldMappingsAt(name, f)
	}
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
		fieldTitle:      d.Title,
		fieldBody:       d.Body,
		fieldActor:      d.Actors,
		fieldTopic:      d.Topics,
		fieldProduct:    d.Products,
		fieldActorKey:   keys(d.Actors, d.ActorAliases),
		fieldTopicKey:   keys(d.Topics, d.TopicAliases),
		fieldProductKey: keys(d.Products),
	}
	if len(d.Mentions) > 0 {
		f[fieldMentions] = encodeMentions(d.Mentions)
	}
	if len(d.Meta) > 0 {
		data, _ := json.Marshal(d.Meta) // strings: cannot fail
		f[fieldMeta] = string(data)
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
		f[fieldOrigin] = d.PublishedOrigin.String()
		month := d.Published
		month.Day = 0
		f[fieldMonth] = month.String()
	}
	return f
}

var precisionName = map[dates.Precision]string{dates.Year: "year", dates.Month: "month", dates.Day: "day"}

// storedMention is how the index stores a dated mention: part of its
// on-disk format.
type storedMention struct {
	Date     string `json:"d"`
	Relative bool   `json:"r,omitempty"`
	Text     string `json:"t"`
	Sentence string `json:"s"`
}

func encodeMentions(ms []dates.Mention) string {
	out := make([]storedMention, len(ms))
	for i, m := range ms {
		out[i] = storedMention{m.Date.String(), m.Relative, m.Text, m.Sentence}
	}
	data, _ := json.Marshal(out) // strings and bools: cannot fail
	return string(data)
}

func decodeMentions(s string) ([]storedMention, error) {
	var ms []storedMention
	err := json.Unmarshal([]byte(s), &ms)
	return ms, err
}

// origins reads back the stored names of dates.Origin.
var origins = map[string]dates.Origin{}

func init() {
	for o := dates.NoDate; o <= dates.Inferred; o++ {
		origins[o.String()] = o
	}
}

// key normalises a facet value for filtering: lower case, no accents, one
// kind of apostrophe, single spaces, no leading article, so that
// actor:microsoft, actor:Microsoft and actor:"la firme de Redmond" find
// what they name.
func key(s string) string {
	s = analysis.Fold(strings.ToLower(s))
	s = strings.NewReplacer("’", "'", "ʼ", "'").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	for _, article := range []string{"le ", "la ", "les ", "l'"} {
		if rest, ok := strings.CutPrefix(s, article); ok && rest != "" {
			return rest
		}
	}
	return s
}

// keys returns the keys of the values of all the lists, each once.
func keys(lists ...[]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, values := range lists {
		for _, v := range values {
			if k := key(v); k != "" && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}
