package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-search/dossier-search/analysis"
	"github.com/dossier-search/dossier-search/dates"
	"github.com/dossier-search/dossier-search/search"
)

// Marks around matched words in text output.
const (
	boldOn, boldOff   = "\x1b[1m", "\x1b[0m"
	quoteOn, quoteOff = "«", "»"
)

func printText(e env, res *search.Results) error {
	w := bufio.NewWriter(e.stdout)
	on, off := quoteOn, quoteOff
	if e.terminal {
		on, off = boldOn, boldOff
	}
	q := res.Query
	if strings.TrimSpace(q) == "" {
		q = "*"
	}
	fmt.Fprintf(w, "%d %s for %s (%.1f ms)\n", res.Total, plural(res.Total, "document", "documents"), q, float64(res.Took.Microseconds())/1000)
	for _, warning := range res.Warnings {
		fmt.Fprintf(w, "note: %s\n", warning)
	}
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%d. %s\n", i+1, h.Title)
		var about []string
		switch {
		case h.Published.IsZero():
			about = append(about, "undated")
		case h.PublishedOrigin == dates.Inferred:
			about = append(about, h.Published.String()+" (inferred)")
		default:
			about = append(about, h.Published.String())
		}
		if h.Source != "" {
			about = append(about, h.Source)
		}
		if len(h.Actors) > 0 {
			about = append(about, strings.Join(h.Actors, ", "))
		}
		fmt.Fprintf(w, "   %s · %s\n", strings.Join(about, " · "), h.ID)
		if len(h.Topics) > 0 {
			fmt.Fprintf(w, "   topics: %s\n", strings.Join(h.Topics, " · "))
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "   %s\n", joinAdjacentMarks(s).Format(on, off))
		}
	}
	fmt.Fprintf(w, "\nFacets\n")
	facet := func(name string, values []search.FacetValue, extra string) {
		var parts []string
		for _, v := range values {
			parts = append(parts, fmt.Sprintf("%s (%d)", v.Value, v.Count))
		}
		if extra != "" {
			parts = append(parts, extra)
		}
		if len(parts) == 0 {
			parts = []string{"—"}
		}
		fmt.Fprintf(w, "  %-8s %s\n", name+":", strings.Join(parts, " · "))
	}
	facet("actor", res.Facets.Actor, "")
	facet("topic", res.Facets.Topic, "")
	facet("product", res.Facets.Product, "")
	undated := ""
	if res.Facets.Undated > 0 {
		undated = fmt.Sprintf("undated (%d)", res.Facets.Undated)
	}
	facet("date", res.Facets.Date, undated)
	facet("source", res.Facets.Source, "")
	return w.Flush()
}

func plural(n uint64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// joinAdjacentMarks makes one mark of marks separated by spaces only, so
// that a reader sees « API payante » rather than « API » « payante ».
func joinAdjacentMarks(s search.Snippet) search.Snippet {
	var marks []search.Span
	for _, m := range s.Marks {
		if n := len(marks); n > 0 && strings.TrimSpace(s.Text[marks[n-1].End:m.Start]) == "" {
			marks[n-1].End = m.End
			continue
		}
		marks = append(marks, m)
	}
	s.Marks = marks
	return s
}

// JSON output: the shape is documented in the README; fields may be added,
// never renamed.
type (
	jsonResults struct {
		Query    string     `json:"query"`
		Total    uint64     `json:"total"`
		TookMS   float64    `json:"took_ms"`
		Hits     []jsonHit  `json:"hits"`
		Facets   jsonFacets `json:"facets"`
		Warnings []string   `json:"warnings,omitempty"`
	}
	jsonHit struct {
		ID              string   `json:"id"`
		Title           string   `json:"title"`
		Published       *string  `json:"published"`                  // YYYY-MM-DD, YYYY-MM or YYYY as known; null when unknown
		PublishedOrigin string   `json:"published_origin,omitempty"` // metadata, header or inferred
		Source          string   `json:"source"`
		URL             string   `json:"url,omitempty"`
		Score           float64  `json:"score"`
		Actors          []string `json:"actors"`
		Topics          []string `json:"topics"`
		Products        []string `json:"products"`
		Snippets        []string `json:"snippets"` // HTML: text escaped, matched words in <mark>
	}
	jsonFacets struct {
		Actor   []jsonFacetValue `json:"actor"`
		Topic   []jsonFacetValue `json:"topic"`
		Date    []jsonFacetValue `json:"date"`
		Source  []jsonFacetValue `json:"source"`
		Product []jsonFacetValue `json:"product"`
	}
	jsonFacetValue struct {
		Value string `json:"value"`
		Count int    `json:"count"`
	}
)

func printJSON(w io.Writer, res *search.Results) error {
	out := jsonResults{
		Query:    res.Query,
		Total:    res.Total,
		TookMS:   float64(res.Took.Microseconds()) / 1000,
		Hits:     []jsonHit{},
		Warnings: res.Warnings,
		Facets: jsonFacets{
			Actor:   facetValues(res.Facets.Actor),
			Topic:   facetValues(res.Facets.Topic),
			Date:    facetValues(res.Facets.Date),
			Source:  facetValues(res.Facets.Source),
			Product: facetValues(res.Facets.Product),
		},
	}
	for _, h := range res.Hits {
		jh := jsonHit{
			ID: h.ID, Title: h.Title, Source: h.Source, URL: h.URL, Score: h.Score,
			Actors: nonNil(h.Actors), Topics: nonNil(h.Topics), Products: nonNil(h.Products), Snippets: []string{},
		}
		if !h.Published.IsZero() {
			p := h.Published.String()
			jh.Published = &p
			jh.PublishedOrigin = h.PublishedOrigin.String()
		}
		for _, s := range h.Snippets {
			jh.Snippets = append(jh.Snippets, s.HTML())
		}
		out.Hits = append(out.Hits, jh)
	}
	return writeJSON(w, out)
}

func facetValues(vs []search.FacetValue) []jsonFacetValue {
	out := []jsonFacetValue{}
	for _, v := range vs {
		out = append(out, jsonFacetValue{v.Value, v.Count})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // <mark> stays readable; snippets are already escaped
	return enc.Encode(v)
}

func printTimeline(out io.Writer, q string, events []search.Event) error {
	w := bufio.NewWriter(out)
	if strings.TrimSpace(q) == "" {
		q = "*"
	}
	fmt.Fprintf(w, "%d dated %s in the documents for %s\n\n", len(events), pluralInt(len(events), "mention", "mentions"), q)
	relative := false
	for _, ev := range events {
		date := ev.Date.String()
		if ev.Relative {
			date += "*"
			relative = true
		}
		fmt.Fprintf(w, "%-11s %s  %s\n", date, shortID(ev.ID), ev.Sentence)
	}
	if relative {
		fmt.Fprintf(w, "\n* resolved from the publication date (« lundi », « le mois dernier »)\n")
	}
	return w.Flush()
}

func pluralInt(n int, one, many string) string { return plural(uint64(n), one, many) }

// shortID cuts a document id to its first 12 characters for columns.
func shortID(id string) string {
	if r := []rune(id); len(r) > 12 {
		return string(r[:12])
	}
	return fmt.Sprintf("%-12s", id)
}

func printTimelineJSON(w io.Writer, q string, events []search.Event) error {
	type jsonEvent struct {
		Date     string `json:"date"`
		Relative bool   `json:"relative"`
		ID       string `json:"id"`
		Title    string `json:"title"`
		Text     string `json:"text"`
		Sentence string `json:"sentence"`
	}
	out := []jsonEvent{}
	for _, ev := range events {
		out = append(out, jsonEvent{ev.Date.String(), ev.Relative, ev.ID, ev.Title, ev.Text, ev.Sentence})
	}
	return writeJSON(w, map[string]any{"query": q, "events": out})
}

// analyze prints what the French analyzer makes of text: one line a token,
// as Elasticsearch's _analyze does.
func analyze(e env, o options, text string) error {
	tokens := analysis.New(analysis.Options{}).Analyze([]byte(text))
	if o.json {
		type jsonToken struct {
			Term     string `json:"term"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			Position int    `json:"position"`
			Text     string `json:"text"`
			Keyword  bool   `json:"keyword,omitempty"`
		}
		out := []jsonToken{}
		for _, t := range tokens {
			out = append(out, jsonToken{string(t.Term), t.Start, t.End, t.Position, text[t.Start:t.End], t.KeyWord})
		}
		return writeJSON(e.stdout, map[string]any{"text": text, "tokens": out})
	}
	w := bufio.NewWriter(e.stdout)
	fmt.Fprintf(w, "%-20s %5s %5s %4s  %s\n", "term", "start", "end", "pos", "text")
	for _, t := range tokens {
		note := ""
		if t.KeyWord {
			note = "  (not stemmed)"
		}
		fmt.Fprintf(w, "%-20s %5d %5d %4d  %s%s\n", t.Term, t.Start, t.End, t.Position, text[t.Start:t.End], note)
	}
	return w.Flush()
}
