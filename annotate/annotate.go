// Package annotate fills in the annotations of press articles before they
// are indexed: publication date, dated mentions, actors, products and
// topics. It joins the pure annotation packages — dates, actors, topics —
// to the documents of package search.
package annotate

import (
	"strings"

	"github.com/dossier-search/dossier-search/actors"
	"github.com/dossier-search/dossier-search/dates"
	"github.com/dossier-search/dossier-search/search"
	"github.com/dossier-search/dossier-search/topics"
)

// Annotator annotates documents. Its zero value uses the default gazetteer
// and taxonomy. It is safe for concurrent use.
type Annotator struct {
	Gazetteer *actors.Gazetteer // nil means actors.Default()
	Taxonomy  *topics.Taxonomy  // nil means topics.Default()
}

// Document fills in the annotations of d:
//
//   - the publication date: kept when d has one (metadata); else read from a
//     header line such as « date 2023-04 »; else inferred from the dates the
//     article mentions (see dates.Publication); else unknown. A header line
//     is removed from the body: it is metadata, not text.
//   - the dated mentions of the body, relative ones (« lundi », « le mois
//     dernier ») resolved when the publication date is known, not when it
//     is inferred;
//   - the actors, with their other names so that filters accept them, and
//     apart the products (see actors.Gazetteer.Find);
//   - the topics whose evidence is strong enough (see topics), from the
//     tokens of the French analysis, which d keeps for the index (see
//     search.Analyze): the text is analysed once for both;
//   - a title, when d has none: the opening words of the body, so that a
//     list of hits never shows an empty line.
//
// Annotations d already had are replaced; d's slices are not written into.
func (a Annotator) Document(d *search.Document) {
	g, tx := a.Gazetteer, a.Taxonomy
	if g == nil {
		g = actors.Default()
	}
	if tx == nil {
		tx = topics.Default()
	}

	if strings.TrimSpace(d.Title) == "" {
		d.Title = opening(d.Body, 80)
	}
	art := dates.Read(d.Published, d.Body)
	d.Published, d.PublishedOrigin, d.Mentions = art.Published, art.Origin, art.Mentions
	d.Body = d.Body[art.Start:]

	found, products := g.Find(d.Title, d.Body)
	d.Actors, d.ActorAliases = nil, nil
	for _, f := range found {
		d.Actors = append(d.Actors, f.Name)
		d.ActorAliases = append(d.ActorAliases, f.Aliases...)
	}
	d.Products = nil
	for _, p := range products {
		d.Products = append(d.Products, p.Name)
	}
	d.Topics, d.TopicAliases = nil, nil
	title, body := search.Analyze(d) // which the index then uses as they are
	for _, e := range tx.AssignTokens(title, body) {
		d.Topics = append(d.Topics, e.Topic.Label)
		d.TopicAliases = append(d.TopicAliases, e.Topic.ID)
	}
}

// opening returns the first words of text, up to about n bytes, on one
// line, with … when it cuts.
func opening(text string, n int) string {
	words := strings.Fields(text)
	var b strings.Builder
	for _, w := range words {
		if b.Len() > 0 && b.Len()+1+len(w) > n {
			b.WriteString(" …")
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
