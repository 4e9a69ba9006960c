package search

import (
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
}
