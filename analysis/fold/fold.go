// Package fold spells letters with diacritics and ligatures in plain
// ASCII: é è ê ë → e, ç → c, œ → oe, æ → ae, ß → ss, and likewise for the
// Latin letters of Latin-1 Supplement, Latin Extended-A and -B and Latin
// Extended Additional. It is the accent folding of package analysis, on its
// own so that packages that compare names without analysing text (actors)
// fold them the same way.
package fold

import "unicode/utf8"

// Rune returns the ASCII spelling of a lower-case Latin letter with a
// diacritic or a ligature, or "" when r has none.
func Rune(r rune) string {
	if r >= 0xc0 && r < 0x250 {
		return latin[r-0xc0]
	}
	if r >= 0x1e00 && r < 0x1f00 {
		return extended[r]
	}
	return ""
}

// String returns s with its letters folded.
func String(s string) string {
	if !Needs([]byte(s)) {
		return s
	}
	return string(Append(nil, []byte(s)))
}

// Needs reports whether Append would change b.
func Needs(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if Rune(r) != "" {
			return true
		}
		i += n
	}
	return false
}

// Append appends b to dst with its letters folded.
func Append(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			dst = append(dst, b[i])
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if s := Rune(r); s != "" {
			dst = append(dst, s...)
		} else {
			dst = append(dst, b[i:i+n]...)
		}
		i += n
	}
	return dst
}

// latin covers Latin-1 Supplement, Latin Extended-A and -B: the accents of
// French text, looked up at every letter, as an array.
var latin = func() (t [0x250 - 0xc0]string) {
	for r, s := range foldTable {
		if r < 0x250 {
			t[r-0xc0] = s
		}
	}
	return t
}()

var extended = func() map[rune]string {
	m := make(map[rune]string)
	for r, s := range foldTable {
		if r >= 0x1e00 {
			m[r] = s
		}
	}
	return m
}()

// foldTable maps each lower-case letter of U+00C0–U+024F and U+1E00–U+1EFF
// to its letters without diacritics: the Unicode canonical decomposition
// without its combining marks, and for the letters that have none (œ æ ß ø
// đ ð ł ħ ŀ ı þ ŧ ƀ ɨ ƶ) their usual transliteration. Generated once with
// Python's unicodedata (Unicode 15).
var foldTable = map[rune]string{
	'ß': "ss", 'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ð': "d",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ù': "u", 'ú': "u",
	'û': "u", 'ü': "u", 'ý': "y", 'þ': "th", 'ÿ': "y", 'ā': "a", 'ă': "a", 'ą': "a", 'ć': "c",
	'ĉ': "c", 'ċ': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e",
	'ě': "e", 'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h", 'ĩ': "i", 'ī': "i",
	'ĭ': "i", 'į': "i", 'ı': "i", 'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l",
	'ł': "l", 'ń': "n", 'ņ': "n", 'ň': "n", 'ō': "o", 'ŏ': "o", 'ő': "o", 'œ': "oe", 'ŕ': "r",
	'ŗ': "r", 'ř': "r", 'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ţ': "t", 'ť': "t", 'ŧ': "t",
	'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u", 'ŵ': "w", 'ŷ': "y", 'ź': "z",
	'ż': "z", 'ž': "z", 'ƀ': "b", 'ơ': "o", 'ư': "u", 'ƶ': "z", 'ǎ': "a", 'ǐ': "i", 'ǒ': "o",
	'ǔ': "u", 'ǖ': "u", 'ǘ': "u", 'ǚ': "u", 'ǜ': "u", 'ǟ': "a", 'ǡ': "a", 'ǧ': "g", 'ǩ': "k",
	'ǫ': "o", 'ǭ': "o", 'ǰ': "j", 'ǵ': "g", 'ǹ': "n", 'ǻ': "a", 'ȁ': "a", 'ȃ': "a", 'ȅ': "e",
	'ȇ': "e", 'ȉ': "i", 'ȋ': "i", 'ȍ': "o", 'ȏ': "o", 'ȑ': "r", 'ȓ': "r", 'ȕ': "u", 'ȗ': "u",
	'ș': "s", 'ț': "t", 'ȟ': "h", 'ȧ': "a", 'ȩ': "e", 'ȫ': "o", 'ȭ': "o", 'ȯ': "o", 'ȱ': "o",
	'ȳ': "y", 'ḁ': "a", 'ḃ': "b", 'ḅ': "b", 'ḇ': "b", 'ḉ': "c", 'ḋ': "d", 'ḍ': "d", 'ḏ': "d",
	'ḑ': "d", 'ḓ': "d", 'ḕ': "e", 'ḗ': "e", 'ḙ': "e", 'ḛ': "e", 'ḝ': "e", 'ḟ': "f", 'ḡ': "g",
	'ḣ': "h", 'ḥ': "h", 'ḧ': "h", 'ḩ': "h", 'ḫ': "h", 'ḭ': "i", 'ḯ': "i", 'ḱ': "k", 'ḳ': "k",
	'ḵ': "k", 'ḷ': "l", 'ḹ': "l", 'ḻ': "l", 'ḽ': "l", 'ḿ': "m", 'ṁ': "m", 'ṃ': "m", 'ṅ': "n",
	'ṇ': "n", 'ṉ': "n", 'ṋ': "n", 'ṍ': "o", 'ṏ': "o", 'ṑ': "o", 'ṓ': "o", 'ṕ': "p", 'ṗ': "p",
	'ṙ': "r", 'ṛ': "r", 'ṝ': "r", 'ṟ': "r", 'ṡ': "s", 'ṣ': "s", 'ṥ': "s", 'ṧ': "s", 'ṩ': "s",
	'ṫ': "t", 'ṭ': "t", 'ṯ': "t", 'ṱ': "t", 'ṳ': "u", 'ṵ': "u", 'ṷ': "u", 'ṹ': "u", 'ṻ': "u",
	'ṽ': "v", 'ṿ': "v", 'ẁ': "w", 'ẃ': "w", 'ẅ': "w", 'ẇ': "w", 'ẉ': "w", 'ẋ': "x", 'ẍ': "x",
	'ẏ': "y", 'ẑ': "z", 'ẓ': "z", 'ẕ': "z", 'ẖ': "h", 'ẗ': "t", 'ẘ': "w", 'ẙ': "y", 'ạ': "a",
	'ả': "a", 'ấ': "a", 'ầ': "a", 'ẩ': "a", 'ẫ': "a", 'ậ': "a", 'ắ': "a", 'ằ': "a", 'ẳ': "a",
	'ẵ': "a", 'ặ': "a", 'ẹ': "e", 'ẻ': "e", 'ẽ': "e", 'ế': "e", 'ề': "e", 'ể': "e", 'ễ': "e",
	'ệ': "e", 'ỉ': "i", 'ị': "i", 'ọ': "o", 'ỏ': "o", 'ố': "o", 'ồ': "o", 'ổ': "o", 'ỗ': "o",
	'ộ': "o", 'ớ': "o", 'ờ': "o", 'ở': "o", 'ỡ': "o", 'ợ': "o", 'ụ': "u", 'ủ': "u", 'ứ': "u",
	'ừ': "u", 'ử': "u", 'ữ': "u", 'ự': "u", 'ỳ': "y", 'ỵ': "y", 'ỷ': "y", 'ỹ': "y",
}
