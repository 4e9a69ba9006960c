package analysis

import (
	"unicode"
	"unicode/utf8"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// LowerFilter lower-cases terms and normalises the characters that look the
// same to a reader but not to an index: an accent typed as a combining mark
// after its letter is composed with it (e + U+0301 becomes é, as most text
// has it), typographic ligatures ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ are spelt out, and the
// invisible soft hyphen, zero-width joiners, word joiner and byte-order mark
// are dropped. œ and æ are letters of French spelling, not typography: they
// stay until folding.
//
// Unlike bleve's to_lower filter, it never writes into the analysed text:
// changed terms get their own bytes. It is safe for concurrent use.
type LowerFilter struct{}

// NewLowerFilter returns the lower-casing filter.
func NewLowerFilter() *LowerFilter { return &LowerFilter{} }

// Filter implements bleve's analysis.TokenFilter.
func (f *LowerFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	return rewrite(input, needsLower, appendLower)
}

// needsLower reports whether appendLower would change b.
func needsLower(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if unicode.ToLower(r) != r || invisible(r) || isCombining(r) || ligature(r) != "" {
			return true
		}
		i += n
	}
	return false
}

func appendLower(dst, b []byte) []byte {
	start := len(dst)
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		i += n
		switch {
		case invisible(r):
		case isCombining(r):
			prev, pn := utf8.DecodeLastRune(dst[start:])
			if c, ok := composeTable[[2]rune{prev, r}]; ok && pn > 0 {
				dst = utf8.AppendRune(dst[:len(dst)-pn], c)
			} else {
				dst = utf8.AppendRune(dst, r)
			}
		case ligature(r) != "":
			dst = append(dst, ligature(r)...)
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// invisible reports whether r is a format character that may sit inside a
// word without being part of its spelling.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

func isCombining(r rune) bool { return r >= 0x300 && r <= 0x36f }

func ligature(r rune) string {
	switch r {
	case 'ﬀ':
		return "ff"
	case 'ﬁ':
		return "fi"
	case 'ﬂ':
		return "fl"
	case 'ﬃ':
		return "ffi"
	case 'ﬄ':
		return "ffl"
	case 'ﬅ', 'ﬆ':
		return "st"
	}
	return ""
}

// composeTable composes a lower-case letter and a combining accent into the
// precomposed letter (Unicode NFC) for the letters and accents of French and
// its neighbours.
var composeTable = map[[2]rune]rune{
	{'a', 0x300}: 'à', {'a', 0x301}: 'á', {'a', 0x302}: 'â', {'a', 0x303}: 'ã', {'a', 0x308}: 'ä', {'a', 0x30a}: 'å',
	{'c', 0x301}: 'ć', {'c', 0x327}: 'ç',
	{'e', 0x300}: 'è', {'e', 0x301}: 'é', {'e', 0x302}: 'ê', {'e', 0x308}: 'ë',
	{'i', 0x300}: 'ì', {'i', 0x301}: 'í', {'i', 0x302}: 'î', {'i', 0x308}: 'ï',
	{'n', 0x301}: 'ń', {'n', 0x303}: 'ñ',
	{'o', 0x300}: 'ò', {'o', 0x301}: 'ó', {'o', 0x302}: 'ô', {'o', 0x303}: 'õ', {'o', 0x308}: 'ö',
	{'u', 0x300}: 'ù', {'u', 0x301}: 'ú', {'u', 0x302}: 'û', {'u', 0x308}: 'ü', {'u', 0x30a}: 'ů',
	{'y', 0x301}: 'ý', {'y', 0x308}: 'ÿ',
}

// rewrite replaces each term for which needs is true by f of it.
func rewrite(input bleveanalysis.TokenStream, needs func([]byte) bool, f func(dst, b []byte) []byte) bleveanalysis.TokenStream {
	var a arena
	for _, tok := range input {
		if needs(tok.Term) {
			tok.Term = a.add(f, tok.Term)
		}
	}
	return input
}

// arena holds the bytes of the terms that one filter call rewrites, so that
// a stream costs a few allocations rather than one per changed term. Terms
// handed out stay valid when the arena grows: they keep the old array.
type arena struct{ buf []byte }

// add appends f(b) to the arena and returns it as a slice of its own.
func (a *arena) add(f func(dst, b []byte) []byte, b []byte) []byte {
	if a.buf == nil {
		a.buf = make([]byte, 0, 1024)
	}
	start := len(a.buf)
	a.buf = f(a.buf, b)
	return a.buf[start:len(a.buf):len(a.buf)]
}
