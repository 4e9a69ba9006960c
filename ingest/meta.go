package ingest

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dossier-search/dossier-search/dates"
)

// Document fields that metadata fills, and the keys that name them, best
// first: a "date" wins over a "published" of the same article, which then
// goes to Meta like any other key.
var fieldKeys = map[string]struct {
	field string
	rank  int
}{
	"id":          {"id", 0},
	"title":       {"title", 0},
	"text":        {"body", 0}, // JSON only: a Markdown file's body is its text
	"body":        {"body", 1},
	"date":        {"date", 0},
	"published":   {"date", 1},
	"publication": {"date", 2},
	"source":      {"source", 0},
	"site":        {"source", 1},
	"url":         {"url", 0},
}

// Meta keys that are named in lower case whatever the input's case, so
// that the indexer finds them.
var lowerKeys = map[string]bool{"author": true, "lang": true}

// fromFields fills a from metadata: key → value, as decoded from JSON or
// converted from YAML (string, json.Number, bool, nil, []any, map[string]any).
// Keys are matched in any case; a null or empty value is no value. withBody says
// whether text and body are the article's text (JSON) or mere metadata
// (front matter).
func fromFields(a *article, fields map[string]any, withBody bool) {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys) // for a stable choice between "Title" and "title"
	type pick struct {
		key  string
		rank int
	}
	texts := make(map[string]string, len(keys))
	for _, k := range keys {
		texts[k] = toText(fields[k])
	}
	best := map[string]pick{}
	for _, k := range keys {
		if strings.TrimSpace(texts[k]) == "" {
			continue // an empty "text" leaves the "body"
		}
		f, ok := fieldKeys[strings.ToLower(k)]
		if !ok || f.field == "body" && !withBody {
			continue
		}
		if p, seen := best[f.field]; !seen || f.rank < p.rank {
			best[f.field] = pick{k, f.rank}
		}
	}
	used := map[string]bool{}
	for field, p := range best {
		used[p.key] = true
		v := texts[p.key]
		switch field {
		case "id":
			a.id = v
		case "title":
			a.title = v
		case "body":
			a.body = v
		case "date":
			a.date = v
		case "source":
			a.source = v
		case "url":
			a.url = v
		}
	}
	for _, k := range keys {
		if used[k] {
			continue
		}
		v := strings.TrimSpace(texts[k])
		if v == "" {
			continue
		}
		name := k
		if lowerKeys[strings.ToLower(k)] {
			name = strings.ToLower(k)
		}
		if a.meta == nil {
			a.meta = make(map[string]string)
		}
		if _, dup := a.meta[name]; !dup {
			a.meta[name] = v
		}
	}
}

// toText converts a metadata value to text: strings as they are, numbers
// as written, booleans as true or false, lists joined with ", ", maps as
// compact JSON.
func toText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, 0, len(v))
		for _, e := range v {
			if s := toText(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // « R&D » stays readable
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// fromYAML converts a YAML node to the values toText takes. Scalars keep
// their text as written ("1.50" stays "1.50"), dates included; only
// numbers that JSON can write stay numbers, for maps rendered as JSON.
//
// Each node costs budget one, and a scalar its length too, aliases
// followed: a few lines of anchors can stand for billions of nodes or
// gigabytes of text. Given the size of the YAML text and some more, the
// budget runs out only where aliases multiply the text; past zero,
// fromYAML gives up and returns nil.
func fromYAML(n *yaml.Node, budget *int) any {
	if n == nil || *budget < 0 {
		return nil
	}
	*budget -= 1 + len(n.Value)
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return fromYAML(n.Content[0], budget)
	case yaml.AliasNode:
		return fromYAML(n.Alias, budget)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, fromYAML(c, budget))
		}
		return out
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := toText(fromYAML(n.Content[i], budget))
			if _, dup := out[k]; !dup {
				out[k] = fromYAML(n.Content[i+1], budget)
			}
		}
		return out
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil
		case "!!bool":
			if b, err := strconv.ParseBool(strings.ToLower(n.Value)); err == nil {
				return b
			}
		case "!!int", "!!float":
			if isJSONNumber(n.Value) {
				return json.Number(n.Value)
			}
		}
		return n.Value
	}
	return nil
}

// isJSONNumber reports whether s is a number as JSON writes it.
func isJSONNumber(s string) bool {
	if s == "" || !(s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
		return false
	}
	var v any
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	if err := d.Decode(&v); err != nil || d.More() {
		return false
	}
	_, ok := v.(json.Number)
	return ok && d.InputOffset() == int64(len(s))
}

// dateLayouts are the date-times metadata writes, besides RFC 3339.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05 -0700 MST", // time.Time.String, as some exporters write
	time.RFC1123Z,
	time.RFC1123,
}

// parseDate reads a publication date given in metadata: YYYY, YYYY-MM,
// YYYY-MM-DD, a date-time (its day where it was written, not in UTC), or
// one date in words, French or English (« 25 avril 2023 », « mardi 25 avril
// 2023 », « April 25, 2023 », « 25/04/2023 », day first).
func parseDate(s string) (dates.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 100 {
		return dates.Date{}, false // no date, but a text
	}
	if d, err := dates.Parse(s); err == nil {
		return d, true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return dates.Of(t), true
		}
	}
	// Without a publication date, Mentions leaves relative dates out, so
	// that « lundi » or « hier » is no date. Two dates are ambiguous.
	if ms := dates.Mentions(s, dates.Date{}); len(ms) == 1 {
		return ms[0].Date, true
	}
	return dates.Date{}, false
}
