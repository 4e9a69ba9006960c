package search

import (
	"sync"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"

	"github.com/dossier-search/dossier-search/analysis"
	"github.com/dossier-search/dossier-search/dates"
)

// Document is one article of a dossier. Its annotations — actors, products,
// topics, dates — are usually filled in by Options.Annotate when it is
// indexed (see package annotate).
type Document struct {
	ID     string // unique in the index
	Title  string // headline
	Body   string // text, as published
	Source string // publication, e.g. "jeuxvideo.com"; "" when unknown
	URL    string // "" when unknown

	Published       dates.Date   // publication date, to the day, month or year; zero when unknown
	PublishedOrigin dates.Origin // where Published comes from: metadata, a header line, inferred

	Actors       []string        // people, organisations and media, by canonical name
	ActorAliases []string        // other names of the actors, which actor: filters accept too
	Products     []string        // products and services named, kept apart from actors
	Topics       []string        // topic labels
	TopicAliases []string        // other names of the topics (their ids), which topic: filters accept too
	Mentions     []dates.Mention // the dates the text mentions, for timelines

	// Meta holds the other metadata an article came with — author, lang,
	// and any other field of its front matter or JSON — as text.
	Meta map[string]string

	analyzed *analyzed // see Analyze
}

// analyzed is what Analyze made of a title and a body.
type analyzed struct {
	title, body       string // the texts analysed
	titleTok, bodyTok bleveanalysis.TokenStream
	taken             bool // by an index: see take
}

// valid reports whether a holds the tokens of the document's title and
// body as they are now.
func (a *analyzed) valid(d *Document) bool {
	return a != nil && !a.taken && a.title == d.Title && a.body == d.Body
}

// take returns the tokens and forgets them: the index that takes them
// keeps them only until it has counted them, and a document of thousands
// of words should not hold its tokens after that.
func (a *analyzed) take() (title, body bleveanalysis.TokenStream) {
	title, body = a.titleTok, a.bodyTok
	a.titleTok, a.bodyTok, a.taken = nil, nil, true
	return title, body
}

// defaultAnalyzer is the analyzer of an index with the default analysis.
var defaultAnalyzer = sync.OnceValue(func() *analysis.Analyzer { return analysis.New(analysis.Options{}) })

// Analyze returns the tokens of the title and the body of d under the
// default French analysis, and keeps them in d: an index with the default
// analysis then indexes d without analysing its text again, as long as
// its title and body are unchanged; the first index to do so takes the
// tokens, and lets them go once counted. Annotations that read the words
// (package topics) share the work of the index this way. The tokens must
// not be changed.
func Analyze(d *Document) (title, body bleveanalysis.TokenStream) {
	if !d.analyzed.valid(d) {
		a := defaultAnalyzer()
		d.analyzed = &analyzed{title: d.Title, body: d.Body,
			titleTok: a.Analyze([]byte(d.Title)), bodyTok: a.Analyze([]byte(d.Body))}
	}
	return d.analyzed.titleTok, d.analyzed.bodyTok
}
