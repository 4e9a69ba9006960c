package dates

import (
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	word kind = iota + 1
	number
	punct
)

// token is a word, a run of ASCII digits or one other non-space character.
// It holds no pointer, so that the garbage collector has nothing to scan in
// the thousands of tokens of an article.
type token struct {
	start, end int
	n          int    // the value of a number of at most 9 digits, else -1
	r          rune   // the character of a punct
	id         uint16 // the index in entries of a known word, 0 for others
	digits     uint8  // the length of a number, at most 255
	kind       kind
	space      bool // whitespace separates it from the token before
	newline    bool // that whitespace holds a line break
	upper      bool // a word that starts with an upper-case letter
}

// e returns the lexicon entry of a known word, nil for other tokens.
func (t *token) e() *entry { return entries[t.id] }

// elides are the words that end with an apostrophe in French: « l’année »
// is two words, « l’ » and « année ». Other apostrophes (Musk's, don't) end
// the word and stand alone.
var elides = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true, "presqu": true,
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// isSpace is unicode.IsSpace, and the byte order mark that some texts
// start with.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r) || r == '\uFEFF'
}

// tokenize splits text[from:] into tokens. Offsets are into text, and on
// the boundaries of the runes that ranging over text gives, invalid bytes
// included: an invalid byte is a punct of its own.
func tokenize(text string, from int) []token {
	toks := make([]token, 0, (len(text)-from)/5+8)
	space, newline := true, false
	for i := from; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isSpace(r):
			space = true
			if isLineBreak(r) {
				newline = true
			}
			i += size
			continue
		case r >= '0' && r <= '9':
			j, n := i, 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if j-i < 9 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			if j-i > 9 {
				n = -1
			}
			toks = append(toks, token{start: i, end: j, kind: number, n: n, digits: uint8(min(j-i, 255)), space: space, newline: newline})
			i = j
		case isWordRune(r):
			j := i + size
			for j < len(text) {
				c, cs := rune(text[j]), 1
				if c >= utf8.RuneSelf {
					c, cs = utf8.DecodeRuneInString(text[j:])
				}
				if isWordRune(c) {
					j += cs
					continue
				}
				if !isApostrophe(c) || j+cs >= len(text) {
					break
				}
				if next, _ := utf8.DecodeRuneInString(text[j+cs:]); !isWordRune(next) {
					break
				}
				aujourd, elided := elision(text[i:j])
				if aujourd {
					j += cs // aujourd’hui is one word
					continue
				}
				if elided {
					j += cs // the apostrophe belongs to the elided word
				}
				break
			}
			toks = append(toks, token{start: i, end: j, kind: word, id: lookupID(text[i:j]),
				upper: unicode.IsUpper(r), space: space, newline: newline})
			i = j
		default:
			toks = append(toks, token{start: i, end: i + size, kind: punct, r: r, space: space, newline: newline})
			i += size
		}
		space, newline = false, false
	}
	return toks
}

// elision reports whether the word w is « aujourd », which the apostrophe
// of « aujourd’hui » continues, or an elided word such as « l » or
// « jusqu », which the apostrophe ends. It does not allocate: it runs on
// every apostrophe.
func elision(w string) (aujourd, elided bool) {
	if len(w) > 7 {
		return false, false
	}
	var buf [7]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
		default:
			return false, false
		}
		buf[i] = c
	}
	if string(buf[:len(w)]) == "aujourd" {
		return true, false
	}
	return false, elides[string(buf[:len(w)])]
}
