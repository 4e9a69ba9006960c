package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"

	"github.com/dossier-search/dossier-search/dates"
)

// maxTimelineDocs bounds the documents a timeline reads.
const maxTimelineDocs = 10000

// Event is a date that a matching document mentions.
type Event struct {
	Date     dates.Date // at the precision of the text
	Relative bool       // the text gave it relative to the publication date (« lundi », « le mois dernier »)
	ID       string     // the document
	Title    string
	Text     string // the expression, as written: « le 25 avril dernier »
	Sentence string // the sentence it stands in
}

// Timeline returns the dated mentions of the documents that match req, in
// chronological order: the chronology journalists build by hand. A period
// comes at its start, after the days that start with it (2023-04-01
// before April 2023); events of the same date keep the order of the
// documents and of their text. Request.Limit bounds the documents read
// (0 means all, up to 10,000); snippets and facets are not computed.
func (ix *Index) Timeline(ctx context.Context, req Request) (_ []Event, err error) {
	defer ix.explain(&err)
	r, done, err := ix.read()
	if err != nil {
		return nil, fmt.Errorf("timeline %q: %w", req.Query, err)
	}
	defer done()
	q, _, err := ix.query(ctx, req, r)
	if err != nil {
		return nil, err
	}
	limit := req.Limit
	if limit <= 0 || limit > maxTimelineDocs {
		limit = maxTimelineDocs
	}
	br := bleve.NewSearchRequestOptions(q.main, limit, max(req.Offset, 0), false)
	br.Fields = []string{fieldTitle, fieldMentions}
	res, err := ix.bleve.SearchInContext(ctx, br)
	if err != nil {
		return nil, fmt.Errorf("timeline %q: %w", req.Query, err)
	}
	var events []Event
	for _, h := range res.Hits {
		data := stringField(h.Fields[fieldMentions])
		if data == "" {
			continue
		}
		mentions, err := decodeMentions(data)
		if err != nil {
			return nil, fmt.Errorf("timeline: mentions of %s: %w", h.ID, err)
		}
		title := stringField(h.Fields[fieldTitle])
		for _, m := range mentions {
			d, err := dates.Parse(m.Date)
			if err != nil {
				return nil, fmt.Errorf("timeline: mentions of %s: %w", h.ID, err)
			}
			events = append(events, Event{Date: d, Relative: m.Relative, ID: h.ID, Title: title, Text: m.Text, Sentence: m.Sentence})
		}
	}
	slices.SortStableFunc(events, func(a, b Event) int {
		return cmp.Or(a.Date.Start().Compare(b.Date.Start()), a.Date.End().Compare(b.Date.End()))
	})
	return events, nil
}
