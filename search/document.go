package search

import (
	"github.com/dossier-search/dossier-search/dates"
)

// Document is one article of a dossier.
type Document struct {
	ID        string     // unique in the index
	Title     string     // headline
	Body      string     // text, as published
	Source    string     // publication, e.g. "jeuxvideo.com"; "" when unknown
	URL       string     // "" when unknown
	Published dates.Date // publication date, to the day, month or year; zero when unknown
	Actors    []string   // people and organisations, canonical names
	Topics    []string   // topic labels
}
