package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-search/dossier-search/analysis/fold"
)

// appendKey appends the comparison form of one word to dst: lower case,
// accents removed, ligatures spelt out, typographic apostrophes made
// straight. Combining marks (accents typed as a second code point) are
// dropped, so that decomposed and composed text give the same key.
func appendKey(dst []byte, word string) []byte {
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(word[i:])
		i += n
		dst = appendFoldedRune(dst, r)
	}
	return dst
}

// appendFoldedRune appends the key form of one non-ASCII rune.
func appendFoldedRune(dst []byte, r rune) []byte {
	switch {
	case isApostrophe(r):
		return append(dst, '\'')
	case r >= 0x300 && unicode.Is(unicode.Mn, r):
		return dst
	}
	r = unicode.ToLower(r)
	if s := fold.Rune(r); s != "" {
		return append(dst, s...)
	}
	return utf8.AppendRune(dst, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// Key normalises a name for comparison: lower case, accents removed
// (é → e, œ → oe, ç → c …), typographic apostrophes ’ ʼ made straight, runs
// of spaces and of punctuation other than ' - . @ & collapsed to one space,
// the leading French article « le », « la », « les » or « l’ » removed, and
// the result trimmed. An article alone is kept: Key("La") is "la".
//
//	Key("la firme de Redmond") == Key("Firme de  Redmond") == "firme de redmond"
//	Key("L’éditeur de Windows") == "editeur de windows"
func Key(name string) string {
	b := make([]byte, 0, len(name))
	space := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || isApostrophe(r) || strings.ContainsRune("-.@&", r) {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			if r < utf8.RuneSelf {
				b = append(b, byte(unicode.ToLower(r)))
			} else {
				b = appendFoldedRune(b, r)
			}
			continue
		}
		space = true
	}
	s := string(b)
	for _, article := range [...]string{"le ", "la ", "les ", "l'"} {
		if rest, ok := strings.CutPrefix(s, article); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest)
		}
	}
	return s
}
