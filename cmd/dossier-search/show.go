package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dossier-search/dossier-search/search"
)

// showCommand runs dossier-search show ID: one article whole, with its
// annotations.
func showCommand(ctx context.Context, e env, o options, args []string) error {
	if len(args) != 1 {
		return usageError{"show needs one document id (the ids are in the search results)"}
	}
	ix, err := openIndex(ctx, e, o)
	if err != nil {
		return err
	}
	defer ix.Close()
	d, err := ix.Document(ctx, args[0])
	if errors.Is(err, search.ErrNotFound) {
		return usageError{fmt.Sprintf("no document %q", args[0])}
	}
	if err != nil {
		return err
	}
	if o.json {
		return printDocumentJSON(e, d)
	}
	w := bufio.NewWriter(e.stdout)
	fmt.Fprintf(w, "%s\n\n", d.Title)
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-10s %s\n", label+":", value)
		}
	}
	line("id", d.ID)
	if !d.Published.IsZero() {
		line("published", fmt.Sprintf("%s (%s)", d.Published, d.PublishedOrigin))
	} else {
		line("published", "unknown")
	}
	line("source", d.Source)
	line("url", d.URL)
	for _, k := range slices.Sorted(maps.Keys(d.Meta)) {
		line(k, d.Meta[k])
	}
	line("actors", strings.Join(d.Actors, " · "))
	line("products", strings.Join(d.Products, " · "))
	line("topics", strings.Join(d.Topics, " · "))
	if len(d.Mentions) > 0 {
		fmt.Fprintf(w, "dates:\n")
		for _, m := range d.Mentions {
			rel := ""
			if m.Relative {
				rel = " (relative)"
			}
			fmt.Fprintf(w, "  %-11s « %s »%s\n", m.Date, m.Text, rel)
		}
	}
	fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(d.Body))
	return w.Flush()
}

func printDocumentJSON(e env, d *search.Document) error {
	type jsonMention struct {
		Date     string `json:"date"`
		Relative bool   `json:"relative"`
		Text     string `json:"text"`
		Sentence string `json:"sentence"`
	}
	out := struct {
		ID              string            `json:"id"`
		Title           string            `json:"title"`
		Published       *string           `json:"published"`
		PublishedOrigin string            `json:"published_origin,omitempty"`
		Source          string            `json:"source"`
		URL             string            `json:"url,omitempty"`
		Meta            map[string]string `json:"meta,omitempty"`
		Actors          []string          `json:"actors"`
		Products        []string          `json:"products"`
		Topics          []string          `json:"topics"`
		Dates           []jsonMention     `json:"dates"`
		Body            string            `json:"body"`
	}{ID: d.ID, Title: d.Title, Source: d.Source, URL: d.URL, Meta: d.Meta,
		Actors: nonNil(d.Actors), Products: nonNil(d.Products), Topics: nonNil(d.Topics), Dates: []jsonMention{}, Body: d.Body}
	if !d.Published.IsZero() {
		p := d.Published.String()
		out.Published = &p
		out.PublishedOrigin = d.PublishedOrigin.String()
	}
	for _, m := range d.Mentions {
		out.Dates = append(out.Dates, jsonMention{m.Date.String(), m.Relative, m.Text, m.Sentence})
	}
	return writeJSON(e.stdout, out)
}
