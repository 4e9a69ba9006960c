package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/dossier-search/dossier-search/dates"
)

// ErrNotFound reports that no document has the id asked for.
var ErrNotFound = errors.New("no such document")

// Document returns the document with the given id, as stored: its text and
// annotations (but the aliases of its actors and topics, which only serve
// filters).
func (ix *Index) Document(ctx context.Context, id string) (doc *Document, err error) {
	defer ix.explain(&err)
	br := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{id}), 1, 0, false)
	br.Fields = []string{"*"}
	res, err := ix.bleve.SearchInContext(ctx, br)
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	f := res.Hits[0].Fields
	d := &Document{
		ID:       id,
		Title:    stringField(f[fieldTitle]),
		Body:     stringField(f[fieldBody]),
		Source:   stringField(f[fieldSource]),
		URL:      stringField(f[fieldURL]),
		Actors:   stringsField(f[fieldActor]),
		Products: stringsField(f[fieldProduct]),
		Topics:   stringsField(f[fieldTopic]),
	}
	d.Published = publishedField(f[fieldPublished], stringField(f[fieldPrecision]))
	d.PublishedOrigin = origins[stringField(f[fieldOrigin])]
	if s := stringField(f[fieldMentions]); s != "" {
		ms, err := decodeMentions(s)
		if err != nil {
			return nil, fmt.Errorf("document %s: mentions: %w", id, err)
		}
		for _, m := range ms {
			date, err := dates.Parse(m.Date)
			if err != nil {
				return nil, fmt.Errorf("document %s: mentions: %w", id, err)
			}
			d.Mentions = append(d.Mentions, dates.Mention{Date: date, Relative: m.Relative, Text: m.Text, Sentence: m.Sentence})
		}
	}
	if s := stringField(f[fieldMeta]); s != "" {
		if err := json.Unmarshal([]byte(s), &d.Meta); err != nil {
			return nil, fmt.Errorf("document %s: meta: %w", id, err)
		}
	}
	return d, nil
}
