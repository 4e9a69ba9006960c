package analysis

import (
	"bytes"
	"sync"
	"unicode"
	"unicode/utf8"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/segment"
)

// maxCompoundParts bounds the parts joined into one catenated token, so that
// a pathological "a-a-a-…" of a megabyte costs no more than ordinary words.
const maxCompoundParts = 8

// Tokenizer splits text into words by the Unicode word-boundary rules
// (UAX #29, as github.com/blevesearch/segment applies them, with a faster
// path of our own for Latin, Greek and Cyrillic text), then applies the French press decisions documented in the
// package comment: thousands separators are removed from numbers, compounds
// joined by a hyphen, a dot, a colon or a middle dot yield their parts and
// their catenation, @mentions, #hashtags and URLs are kept whole beside their
// parts. Offsets are byte offsets into the input; invalid UTF-8 separates
// words and never ends the stream.
//
// A Tokenizer has no state and is safe for concurrent use.
type Tokenizer struct{}

// NewTokenizer returns the tokenizer of the French analyzer.
func NewTokenizer() *Tokenizer { return &Tokenizer{} }

// seg is one segment found by the UAX #29 segmenter: a word (typ != segment.None)
// or the run of other characters between two words.
type seg struct {
	start, end int
	typ        int
	// joined is false when the segment is known to have no character
	// between two letters or digits (no connector to split at).
	joined bool
}

func (s seg) word() bool { return s.typ != segment.None }

var segPool = sync.Pool{New: func() any { s := make([]seg, 0, 512); return &s }}

// Tokenize implements bleve's analysis.Tokenizer.
func (t *Tokenizer) Tokenize(input []byte) bleveanalysis.TokenStream {
	sp := segPool.Get().(*[]seg)
	segs := segments(input, (*sp)[:0])
	e := emitter{input: input, pos: 1}
	e.slab = make([]bleveanalysis.Token, 0, len(segs)/2+1)
	e.out = make(bleveanalysis.TokenStream, 0, len(segs)/2+1)
	e.run(segs)
	*sp = segs[:0]
	segPool.Put(sp)
	return e.out
}

// segments appends to dst the UAX #29 segments of input. Segmenters stop at
// invalid UTF-8, so input is cut into valid runs first; an invalid byte is a
// segment of its own kind (none), which separates words.
func segments(input []byte, dst []seg) []seg {
	for off := 0; off < len(input); {
		end := off + validPrefix(input[off:])
		if end > off {
			var ok bool
			if dst, ok = fastSegments(input[:end], off, dst); !ok {
				dst = librarySegments(input, off, end, dst)
			}
		}
		if end < len(input) { // one invalid byte
			dst = append(dst, seg{end, end + 1, segment.None, false})
			end++
		}
		off = end
	}
	return dst
}

// validPrefix returns the length of the longest valid UTF-8 prefix of b.
func validPrefix(b []byte) int {
	if utf8.Valid(b) {
		return len(b)
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// emitter turns segments into tokens.
type emitter struct {
	input []byte
	pos   int
	slab  []bleveanalysis.Token
	out   bleveanalysis.TokenStream
}

func (e *emitter) emit(term []byte, start, end, pos int, typ bleveanalysis.TokenType, keyword bool) {
	if len(e.slab) == cap(e.slab) { // earlier tokens keep the old array
		e.slab = make([]bleveanalysis.Token, 0, max(cap(e.slab), 16))
	}
	e.slab = append(e.slab, bleveanalysis.Token{
		Term: term, Start: start, End: end, Position: pos, Type: typ, KeyWord: keyword,
	})
	e.out = append(e.out, &e.slab[len(e.slab)-1])
}

func (e *emitter) text(s seg) []byte { return e.input[s.start:s.end] }

func (e *emitter) run(segs []seg) {
	urlEnd := -1 // inside a URL, its parts are ordinary tokens
	for i := 0; i < len(segs); {
		s := segs[i]
		if !s.word() {
			if s.start >= urlEnd && s.end-s.start == 1 && i+1 < len(segs) && segs[i+1].word() &&
				(e.input[s.start] == '@' || e.input[s.start] == '#') && !wordBefore(e.input, s.start) {
				// @mention or #hashtag: the whole, then the name as a part.
				w := segs[i+1]
				e.emit(e.input[s.start:w.end], s.start, w.end, e.pos, bleveanalysis.AlphaNumeric, true)
			}
			i++
			continue
		}
		if s.start >= urlEnd {
			if end := urlAt(e.input, s); end > 0 {
				e.emit(normalizeURL(e.input[s.start:end]), s.start, end, e.pos, bleveanalysis.AlphaNumeric, true)
				urlEnd = end
			}
		}
		if s.typ == segment.Number {
			if n := e.number(segs, i); n > 0 {
				i += n
				continue
			}
		}
		i += e.compound(segs, i)
	}
}

// wordBefore reports whether the rune before input[at] is a letter or digit,
// as in the e-mail address "foo@bar.com", which is not a mention.
func wordBefore(input []byte, at int) bool {
	if at == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(input[:at])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// number emits a number written with thousands separators as one token of
// its digits: "42.000", "45 000", "45\u00a0000" and "45\u202f000" all give
// "45000" (a search for 42000 finds every spelling); a decimal part after a
// comma is kept ("2 500,50" gives "2500,50"). It returns the number of
// segments consumed, or 0 when segs[i] starts no such number.
func (e *emitter) number(segs []seg, i int) int {
	first := e.text(segs[i])
	if dotted(first) {
		e.emit(stripDots(first), segs[i].start, segs[i].end, e.pos, bleveanalysis.Numeric, false)
		e.pos++
		return 1
	}
	if !allDigits(first) || len(first) > 3 {
		return 0
	}
	j := i
	for j+2 < len(segs) && thousandsSep(e.text(segs[j+1])) && segs[j+2].typ == segment.Number &&
		thousandsGroup(e.text(segs[j+2])) {
		j += 2
		if bytes.IndexByte(e.text(segs[j]), ',') >= 0 { // a decimal part ends the number
			break
		}
	}
	if j == i {
		return 0
	}
	term := make([]byte, 0, segs[j].end-segs[i].start)
	for k := i; k <= j; k += 2 {
		term = append(term, e.text(segs[k])...)
	}
	e.emit(term, segs[i].start, segs[j].end, e.pos, bleveanalysis.Numeric, false)
	e.pos++
	return j - i + 1
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// thousandsGroup reports whether b is three digits, optionally followed by a
// decimal comma and digits.
func thousandsGroup(b []byte) bool {
	if len(b) < 3 || !allDigits(b[:3]) {
		return false
	}
	return len(b) == 3 || b[3] == ',' && allDigits(b[4:])
}

// thousandsSep reports whether b is one space, no-break space, narrow
// no-break space or thin space: the separators French typography puts
// between groups of three digits.
func thousandsSep(b []byte) bool {
	switch string(b) {
	case " ", "\u00a0", "\u202f", "\u2009":
		return true
	}
	return false
}

// dotted reports whether b is a number whose dots separate thousands:
// 1 to 3 digits, then groups of a dot and three digits, then optionally a
// decimal comma ("42.000", "1.234.567,89"). "1.5" and "192.168.0.1" are not.
func dotted(b []byte) bool {
	i := 0
	for i < len(b) && i < 4 && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 {
		return false
	}
	groups := 0
	for i < len(b) && b[i] == '.' {
		if i+4 > len(b) || !allDigits(b[i+1:i+4]) {
			return false
		}
		i += 4
		groups++
	}
	if groups == 0 {
		return false
	}
	if i == len(b) {
		return true
	}
	return b[i] == ',' && allDigits(b[i+1:])
}

func stripDots(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c != '.' {
			out = append(out, c)
		}
	}
	return out
}

// compound emits the word at segs[i] and the words joined to it by hyphens,
// and returns the number of segments consumed. Inside one segment, the
// Unicode rules keep "jeuxvideo.com", "U.S.A" and "salarié·e·s" whole; they
// are split there too. A compound of two parts or more also yields the
// catenation of its parts at the position of the first part, so that
// "e-mail" finds "email", "multi-plateformes" finds "multiplateformes" and
// GPT4 finds "GPT-4" — unless a part is a clitic pronoun or the euphonic t
// ("a-t-il", "celui-ci"), or the compound has no letter ("1940-1945").
func (e *emitter) compound(segs []seg, i int) int {
	var partsBuf [maxCompoundParts * 2]seg
	parts := partsBuf[:0]
	j := i
	for {
		parts = e.split(segs[j], parts)
		if j+2 < len(segs) && hyphen(e.text(segs[j+1])) && segs[j+2].word() {
			j += 2
			continue
		}
		break
	}
	whole := len(parts) >= 2 && len(parts) <= maxCompoundParts
	letter := false
	for _, p := range parts {
		b := e.input[p.start:p.end]
		if whole && clitic(b) {
			whole = false
		}
		if p.typ != segment.Number {
			letter = true
		}
	}
	if whole && letter {
		n := 0
		for _, p := range parts {
			n += p.end - p.start
		}
		term := make([]byte, 0, n)
		for _, p := range parts {
			term = append(term, e.input[p.start:p.end]...)
		}
		e.emit(term, parts[0].start, parts[len(parts)-1].end, e.pos, bleveanalysis.AlphaNumeric, false)
	}
	for _, p := range parts {
		typ := bleveanalysis.AlphaNumeric
		switch p.typ {
		case segment.Number:
			typ = bleveanalysis.Numeric
		case segment.Ideo, segment.Kana:
			typ = bleveanalysis.Ideographic
		}
		e.emit(e.input[p.start:p.end], p.start, p.end, e.pos, typ, false)
		e.pos++
	}
	return j - i + 1
}

// split appends to parts the pieces of a word segment cut at the connectors
// that UAX #29 keeps inside words between two letters: full stop, colon,
// middle dot and hyphenation point ("GPT3.5" stays whole: its dot is between
// digits). Apostrophes stay: elision needs them.
func (e *emitter) split(s seg, parts []seg) []seg {
	b := e.text(s)
	if s.typ == segment.Number || !s.joined || !hasConnector(b) {
		return append(parts, s)
	}
	start := 0
	prev := rune(0)
	for k := 0; k < len(b); {
		r, n := utf8.DecodeRune(b[k:])
		if connector(r) && unicode.IsLetter(prev) && k+n < len(b) {
			if next, _ := utf8.DecodeRune(b[k+n:]); unicode.IsLetter(next) {
				parts = append(parts, seg{s.start + start, s.start + k, s.typ, false})
				start = k + n
			}
		}
		prev = r
		k += n
	}
	if start < len(b) {
		parts = append(parts, seg{s.start + start, s.end, s.typ, false})
	}
	return parts
}

func hasConnector(b []byte) bool {
	for i, c := range b {
		switch {
		case c == '.' || c == ':':
			return true
		case c == 0xc2 && i+1 < len(b) && b[i+1] == 0xb7: // ·
			return true
		case c == 0xe2 && i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0xa7: // ‧
			return true
		}
	}
	return false
}

func connector(r rune) bool { return r == '.' || r == ':' || r == '\u00b7' || r == '\u2027' }

// hyphen reports whether b is exactly one hyphen: hyphen-minus, hyphen or
// non-breaking hyphen.
func hyphen(b []byte) bool {
	switch string(b) {
	case "-", "\u2010", "\u2011":
		return true
	}
	return false
}

// clitic reports whether b is a pronoun or particle that French attaches to
// a verb or demonstrative with a hyphen: such compounds are not catenated.
func clitic(b []byte) bool {
	if len(b) > 6 {
		return false
	}
	var buf [6]byte
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(b)]) {
	case "t", "il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous", "le", "la", "les",
		"moi", "toi", "lui", "leur", "leurs", "y", "en", "ci", "là", "ce":
		return true
	}
	return false
}

// urlAt returns the end of the URL that starts at word segment s, or 0. A URL
// starts with http:// or https:// or with "www." and runs to the next space
// or quotation mark; trailing punctuation is not part of it.
func urlAt(input []byte, s seg) int {
	w := input[s.start:s.end]
	if len(w) < 4 || w[0]|0x20 != 'h' && w[0]|0x20 != 'w' {
		return 0
	}
	rest := input[s.end:]
	switch {
	case (equalFold(w, "http") || equalFold(w, "https")) && bytes.HasPrefix(rest, []byte("://")):
	case len(w) > 4 && equalFold(w[:4], "www.") && bytes.IndexByte(w[4:], '.') >= 0:
	default:
		return 0
	}
	end := s.start
	for end < len(input) {
		r, n := utf8.DecodeRune(input[end:])
		if r == utf8.RuneError && n == 1 || unicode.IsSpace(r) || unicode.IsControl(r) ||
			r == '"' || r == '<' || r == '>' || r == '«' || r == '»' || r == '“' || r == '”' {
			break
		}
		end += n
	}
	for end > s.end {
		r, n := utf8.DecodeLastRune(input[:end])
		if !bytes.ContainsRune([]byte(".,;:!?)]}'’…"), r) {
			break
		}
		end -= n
	}
	if end <= s.end && !bytes.HasPrefix(rest, []byte("://")) {
		return s.end
	}
	if end <= s.end+3 { // "http://" and nothing after
		return 0
	}
	return end
}

func equalFold(b []byte, s string) bool { return len(b) == len(s) && bytes.EqualFold(b, []byte(s)) }

// normalizeURL returns the searchable form of a URL: lower case, without
// scheme, "www." or trailing slash, so that http://www.x.fr/a/ and x.fr/a
// are the same term.
func normalizeURL(u []byte) []byte {
	out := bytes.ToLower(u)
	if i := bytes.Index(out, []byte("://")); i >= 0 {
		out = out[i+3:]
	}
	out = bytes.TrimPrefix(out, []byte("www."))
	return bytes.TrimRight(out, "/")
}
