package ingest

import (
	"strings"

	"github.com/dossier-search/dossier-search/dates"
)

// readText reads a plain text article: the first non-empty line is the
// title, the rest the body; a file of one line is both.
func (r *reader) readText(text string) {
	// A header line « date 2023-04 » is the annotator's to read (see
	// annotate.Annotator.Document): leave it at the top of the body, and
	// take the title from the line after it.
	var header string
	if _, start, ok := dates.Header(text); ok {
		header, text = strings.TrimSpace(text[:start]), text[start:]
	}
	title, body := firstLine(text)
	if body == "" {
		body = title
	}
	if header != "" && body != "" {
		body = header + "\n\n" + body
	}
	r.add(article{title: title, body: body}, "", "", r.name)
}

// firstLine splits text into its first non-empty line, trimmed, and the
// rest, trimmed.
func firstLine(text string) (line, rest string) {
	text = strings.TrimLeft(text, " \t\n\f\v\r\u00A0\u202F\uFEFF")
	line, rest, _ = strings.Cut(text, "\n")
	return strings.TrimSpace(line), strings.TrimSpace(rest)
}
