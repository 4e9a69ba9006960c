package search

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-search/dossier-search/dates"
)

// The query language (see the package documentation) is parsed into a tree
// of nodes, which compile.go turns into bleve queries.

// Limits that keep the work of one query bounded.
const (
	maxQueryDepth = 64   // nested parentheses and negations
	maxQueryTerms = 1000 // words (phrases count theirs) and field values
	maxQueryBytes = 64 << 10
)

// The years a date filter may name: bleve stores dates as nanoseconds
// since 1970 in an int64.
const minYear, maxYear = 1700, 2200

// QueryError reports a malformed query.
type QueryError struct {
	Column int    // 1-based, in characters
	Msg    string // what is wrong, in lower case
}

func (e *QueryError) Error() string { return fmt.Sprintf("query: column %d: %s", e.Column, e.Msg) }

type node interface{ column() int }

type (
	andNode struct {
		col  int
		kids []node
	}
	orNode struct {
		col  int
		kids []node
	}
	notNode struct {
		col int
		kid node
	}
	// textNode is a run of plain words, analysed together so that the
	// analyzer sees « 42 000 » or « l’heure du procès » whole; every word must
	// match. field is "" (title and body), fieldTitle or fieldBody.
	textNode struct {
		col         int
		text, field string
	}
	phraseNode struct {
		col         int
		text, field string
	}
	prefixNode struct {
		col         int
		word, field string
	}
	fuzzyNode struct {
		col         int
		word, field string
		fuzziness   int
	}
	// keywordNode filters on a facet field: actor, topic, product or source.
	keywordNode struct {
		col          int
		field, value string
	}
	// dateNode filters on the publication date: from ≤ published < to; a
	// zero bound is open.
	dateNode struct {
		col      int
		from, to time.Time
	}
	allNode struct{ col int }
)

func (n *andNode) column() int     { return n.col }
func (n *orNode) column() int      { return n.col }
func (n *notNode) column() int     { return n.col }
func (n *textNode) column() int    { return n.col }
func (n *phraseNode) column() int  { return n.col }
func (n *prefixNode) column() int  { return n.col }
func (n *fuzzyNode) column() int   { return n.col }
func (n *keywordNode) column() int { return n.col }
func (n *dateNode) column() int    { return n.col }
func (n *allNode) column() int     { return n.col }

// fieldNames maps the field names a query may use, in English or French, to
// what they search.
var fieldNames = map[string]string{
	"actor": fieldActor, "acteur": fieldActor,
	"topic": fieldTopic, "theme": fieldTopic, "thème": fieldTopic,
	"source":  fieldSource,
	"product": fieldProduct, "produit": fieldProduct,
	"title": fieldTitle, "titre": fieldTitle,
	"body": fieldBody, "texte": fieldBody, "text": fieldBody,
	"date": fieldPublished,
}

// knownFields lists the field names for error messages.
const knownFields = "actor, topic, product, source, title, body, date"

type tokenKind int

const (
	tokEOF tokenKind = iota
	tokWord
	tokPhrase
	tokField // a field name and its colon: "actor:"
	tokLParen
	tokRParen
	tokOr
	tokAnd
	tokNot // NOT, SAUF, or - before a word
)

type token struct {
	kind       tokenKind
	text       string // the word, the phrase's content, or the field's name
	col        int    // 1-based column of the token's first character
	start, end int    // byte offsets in the query
	glued      bool   // no space between this token and the previous one
}

// quotes pairs the opening quotation marks a phrase may use with their
// closing marks.
var quotes = map[rune]string{'"': `"”“`, '“': `”"`, '«': `»`, '„': `“”"`}

// lex splits a query into tokens.
func lex(q string) ([]token, error) {
	var toks []token
	col := 1
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		glued := len(toks) > 0 && toks[len(toks)-1].end == i
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f':
			i += n
			col++
			continue
		case r == '(' || r == ')':
			k := tokLParen
			if r == ')' {
				k = tokRParen
			}
			toks = append(toks, token{kind: k, col: col, start: i, end: i + 1, glued: glued})
			i++
			col++
			continue
		case quotes[r] != "":
			closing := quotes[r]
			j := i + n
			end := -1
			for k, c := range q[j:] {
				if strings.ContainsRune(closing, c) {
					end = j + k
					break
				}
			}
			if end < 0 {
				return nil, &QueryError{col, fmt.Sprintf("unbalanced quotation mark %c", r)}
			}
			_, cn := utf8.DecodeRuneInString(q[end:])
			toks = append(toks, token{kind: tokPhrase, text: q[j:end], col: col, start: i, end: end + cn, glued: glued})
			col += utf8.RuneCountInString(q[i : end+cn])
			i = end + cn
			continue
		case r == '-' && i+1 < len(q) && !unicode.IsSpace(rune(q[i+1])) &&
			(!glued || toks[len(toks)-1].kind == tokLParen): // -word, not the hyphen of a compound
			toks = append(toks, token{kind: tokNot, text: "-", col: col, start: i, end: i + 1})
			i++
			col++
			continue
		}
		// A word runs to the next space, parenthesis or quotation mark.
		j := i
		for j < len(q) {
			c, cn := utf8.DecodeRuneInString(q[j:])
			if unicode.IsSpace(c) || c == '\u00a0' || c == '\u202f' || c == '(' || c == ')' || quotes[c] != "" && j > i {
				break
			}
			j += cn
		}
		word := q[i:j]
		if name, rest, ok := strings.Cut(word, ":"); ok && isFieldName(name) && !strings.HasPrefix(rest, "//") {
			if _, known := fieldNames[strings.ToLower(name)]; known || rest != "" || j < len(q) && q[j] != ' ' {
				if !known {
					return nil, &QueryError{col, fmt.Sprintf("unknown field %q (fields: %s)", name, knownFields)}
				}
				fieldEnd := i + len(name) + 1
				toks = append(toks, token{kind: tokField, text: strings.ToLower(name), col: col, start: i, end: fieldEnd, glued: glued})
				col += utf8.RuneCountInString(name) + 1
				i = fieldEnd
				continue
			}
		}
		kind := tokWord
		switch word {
		case "OR", "OU":
			kind = tokOr
		case "AND", "ET":
			kind = tokAnd
		case "NOT", "SAUF":
			kind = tokNot
		}
		toks = append(toks, token{kind: kind, text: word, col: col, start: i, end: j, glued: glued})
		col += utf8.RuneCountInString(word)
		i = j
	}
	return toks, nil
}

// isFieldName reports whether s could be a field name: letters only.
func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// parse turns a query into its tree; nil means every document.
func parse(q string) (node, error) {
	if len(q) > maxQueryBytes {
		return nil, &QueryError{1, fmt.Sprintf("query of %d bytes, over the limit of %d KB", len(q), maxQueryBytes>>10)}
	}
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{q: q, toks: toks}
	if len(toks) == 0 {
		return &allNode{col: 1}, nil
	}
	n, err := p.or("", 0)
	if err != nil {
		return nil, err
	}
	switch t := p.peek(); t.kind {
	case tokEOF:
	case tokRParen:
		return nil, &QueryError{t.col, "unbalanced parenthesis )"}
	default:
		return nil, &QueryError{t.col, fmt.Sprintf("unexpected %q", t.text)}
	}
	if n == nil {
		return &allNode{col: 1}, nil
	}
	return n, nil
}

type parser struct {
	q     string
	toks  []token
	i     int
	terms int
}

func (p *parser) peek() token {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return token{kind: tokEOF, col: utf8.RuneCountInString(p.q) + 1, start: len(p.q), end: len(p.q)}
}

func (p *parser) next() token { t := p.peek(); p.i++; return t }

// or parses terms joined by OR. field is the field that applies, "" for the
// default; depth counts nesting.
func (p *parser) or(field string, depth int) (node, error) {
	first, err := p.and(field, depth)
	if err != nil {
		return nil, err
	}
	kids := []node{first}
	for p.peek().kind == tokOr {
		op := p.next()
		if first == nil {
			return nil, &QueryError{op.col, op.text + " needs a term before it"}
		}
		n, err := p.and(field, depth)
		if err != nil {
			return nil, err
		}
		if n == nil {
			return nil, &QueryError{op.col, op.text + " needs a term after it"}
		}
		kids = append(kids, n)
	}
	if len(kids) == 1 {
		return first, nil
	}
	return &orNode{col: first.column(), kids: kids}, nil
}

// and parses terms joined by AND or by nothing, merging runs of plain words
// into one text node. It returns nil when there is no term.
func (p *parser) and(field string, depth int) (node, error) {
	var kids []node
	var run *textNode // the run of plain words being extended
	runStart := 0
	for {
		t := p.peek()
		switch t.kind {
		case tokEOF, tokRParen, tokOr:
			return andOf(kids), nil
		case tokAnd:
			p.next()
			if len(kids) == 0 {
				return nil, &QueryError{t.col, t.text + " needs a term before it"}
			}
			if k := p.peek().kind; k == tokEOF || k == tokRParen || k == tokOr || k == tokAnd {
				return nil, &QueryError{t.col, t.text + " needs a term after it"}
			}
			run = nil
			continue
		}
		if plainWord(t) && fieldKind(field) == textField {
			p.next()
			if err := p.count(t, 1); err != nil {
				return nil, err
			}
			if run != nil {
				run.text = p.q[runStart:t.end]
				continue
			}
			run = &textNode{col: t.col, text: t.text, field: field}
			runStart = t.start
			kids = append(kids, run)
			continue
		}
		run = nil
		n, err := p.unary(field, depth)
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
}

func andOf(kids []node) node {
	switch len(kids) {
	case 0:
		return nil
	case 1:
		return kids[0]
	}
	return &andNode{col: kids[0].column(), kids: kids}
}

// plainWord reports whether t is a word with no syntax of its own.
func plainWord(t token) bool {
	return t.kind == tokWord && t.text != "*" && !strings.HasSuffix(t.text, "*") && !strings.Contains(t.text, "~")
}

// count counts n terms of t against maxQueryTerms.
func (p *parser) count(t token, n int) error {
	p.terms += n
	if p.terms > maxQueryTerms {
		return &QueryError{t.col, fmt.Sprintf("too many terms (at most %d)", maxQueryTerms)}
	}
	return nil
}

func (p *parser) unary(field string, depth int) (node, error) {
	t := p.peek()
	if depth > maxQueryDepth {
		return nil, &QueryError{t.col, fmt.Sprintf("query nested too deep (at most %d levels)", maxQueryDepth)}
	}
	if t.kind == tokNot {
		p.next()
		switch k := p.peek().kind; k {
		case tokEOF, tokRParen, tokOr, tokAnd:
			return nil, &QueryError{t.col, t.text + " needs a term after it"}
		}
		kid, err := p.unary(field, depth+1)
		if err != nil {
			return nil, err
		}
		return &notNode{col: t.col, kid: kid}, nil
	}
	return p.primary(field, depth)
}

type fieldType int

const (
	textField fieldType = iota
	keywordField
	dateField
)

func fieldKind(field string) fieldType {
	switch field {
	case fieldActor, fieldTopic, fieldProduct, fieldSource:
		return keywordField
	case fieldPublished:
		return dateField
	}
	return textField
}

func (p *parser) primary(field string, depth int) (node, error) {
	t := p.next()
	switch t.kind {
	case tokLParen:
		n, err := p.or(field, depth+1)
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tokRParen {
			return nil, &QueryError{t.col, "unbalanced parenthesis ("}
		}
		if n == nil {
			return nil, &QueryError{t.col, "empty parentheses"}
		}
		return n, nil
	case tokField:
		if field != "" {
			return nil, &QueryError{t.col, fmt.Sprintf("field %s: inside another field", t.text)}
		}
		f := fieldNames[t.text]
		v := p.peek()
		if v.kind == tokEOF || !v.glued || v.kind != tokWord && v.kind != tokPhrase && v.kind != tokLParen {
			return nil, &QueryError{t.col, fmt.Sprintf("field %s: no value after the colon", t.text)}
		}
		return p.primary(f, depth+1)
	case tokPhrase:
		if err := p.count(t, max(1, len(strings.Fields(t.text)))); err != nil { // each word of a phrase is a term to search
			return nil, err
		}
		switch fieldKind(field) {
		case keywordField:
			return &keywordNode{col: t.col, field: field, value: t.text}, nil
		case dateField:
			return nil, &QueryError{t.col, "date: a date is written without quotation marks"}
		}
		return &phraseNode{col: t.col, text: t.text, field: field}, nil
	case tokWord:
		if err := p.count(t, 1); err != nil {
			return nil, err
		}
		return p.word(t, field)
	case tokRParen:
		return nil, &QueryError{t.col, "unbalanced parenthesis )"}
	case tokEOF:
		return nil, &QueryError{t.col, "unexpected end of query"}
	}
	return nil, &QueryError{t.col, fmt.Sprintf("unexpected %q", t.text)}
}

// word parses a word with its suffix: * for a prefix, ~ or ~N for fuzzy
// matching.
func (p *parser) word(t token, field string) (node, error) {
	switch fieldKind(field) {
	case keywordField:
		return &keywordNode{col: t.col, field: field, value: t.text}, nil
	case dateField:
		return parseDateRange(t)
	}
	w := t.text
	switch {
	case w == "*":
		return &allNode{col: t.col}, nil
	case strings.HasSuffix(w, "*"):
		return &prefixNode{col: t.col, word: strings.TrimSuffix(w, "*"), field: field}, nil
	case strings.Contains(w, "~"):
		i := strings.LastIndex(w, "~")
		fuzziness := 1
		if s := w[i+1:]; s != "" {
			f, err := strconv.Atoi(s)
			if err != nil || f < 0 || f > 2 {
				return nil, &QueryError{t.col + utf8.RuneCountInString(w[:i]), fmt.Sprintf("fuzziness %q: want ~, ~0, ~1 or ~2", s)}
			}
			fuzziness = f
		}
		if i == 0 {
			return nil, &QueryError{t.col, "~ needs a word before it"}
		}
		return &fuzzyNode{col: t.col, word: w[:i], field: field, fuzziness: fuzziness}, nil
	}
	return &textNode{col: t.col, text: w, field: field}, nil
}

// parseDateRange reads the value of date: 2023, 2023-04, 2023-04-25,
// ranges a..b (either end may be left out), and >D, >=D, <D, <=D.
func parseDateRange(t token) (node, error) {
	v := t.text
	bad := func(s string, at int) (node, error) {
		return nil, &QueryError{t.col + utf8.RuneCountInString(v[:at]), fmt.Sprintf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD between %d and %d", s, minYear, maxYear)}
	}
	parse := func(s string, _ int) (dates.Date, bool) {
		d, err := dates.Parse(s)
		return d, err == nil && d.Year >= minYear && d.Year <= maxYear
	}
	n := &dateNode{col: t.col}
	for _, op := range []string{">=", "<=", ">", "<"} {
		if s, ok := strings.CutPrefix(v, op); ok {
			d, ok := parse(s, len(op))
			if !ok {
				return bad(s, len(op))
			}
			switch op {
			case ">=":
				n.from = d.Start()
			case ">":
				n.from = d.End()
			case "<=":
				n.to = d.End()
			case "<":
				n.to = d.Start()
			}
			return n, nil
		}
	}
	if a, b, ok := strings.Cut(v, ".."); ok {
		if a == "" && b == "" {
			return bad(v, 0)
		}
		if a != "" {
			d, ok := parse(a, 0)
			if !ok {
				return bad(a, 0)
			}
			n.from = d.Start()
		}
		if b != "" {
			d, ok := parse(b, len(a)+2)
			if !ok {
				return bad(b, len(a)+2)
			}
			n.to = d.End()
		}
		if !n.from.IsZero() && !n.to.IsZero() && !n.from.Before(n.to) {
			return nil, &QueryError{t.col, fmt.Sprintf("date range %q ends before it starts", v)}
		}
		return n, nil
	}
	d, ok := parse(v, 0)
	if !ok {
		return bad(v, 0)
	}
	n.from, n.to = d.Start(), d.End()
	return n, nil
}
